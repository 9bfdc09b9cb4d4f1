"""Quantum Internet Lab: interactive panels for a course on the quantum internet."""
