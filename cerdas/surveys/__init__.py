"""Public satisfaction surveys (SKM) and their index (IKM), per service unit and period."""
