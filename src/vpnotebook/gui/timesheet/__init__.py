"""timesheet."""
