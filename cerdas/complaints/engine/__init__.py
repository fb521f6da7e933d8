"""The complaints app's pure core: the flow of a report, its deadlines and its figures."""
