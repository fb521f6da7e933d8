"""The survey app's pure computational core: the IKM of PermenPANRB 14/2017, sample sizes."""
