"""What the user sees, computed once: the window and the command line call these."""
