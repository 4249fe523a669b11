"""Help: the user guide inside the program, the keyboard shortcuts, and "Over vpnotebook"."""
