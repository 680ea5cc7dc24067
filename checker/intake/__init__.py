"""Turning source files into records: type sniffing and limits, one parser per format."""
