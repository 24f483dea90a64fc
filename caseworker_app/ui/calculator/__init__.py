"""The "Fristberegner" tab: `view` joins `form` (the case as typed, with `events`) and `result`
(the deadlines). Import from the modules themselves: this package loads nothing of its own."""
