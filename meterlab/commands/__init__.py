"""One module per `meterlab` sub-command, imported lazily by `meterlab.cli`."""
