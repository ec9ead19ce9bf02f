"""The application layer: what a user-facing action needs, done once for both faces.

The CLI commands (`meterlab.commands`) and the desktop app (`meterlab.gui`) are thin
faces over this package. It opens instruments (profile match, status cleared, typed
errors), tells what the connected model can do, starts and finishes sessions, runs
plans and decides the unit's outcome. It never imports Qt and never prints.
"""
