"""Exporters of the status report: tables for pages, JSON, XLSX and DOCX."""
