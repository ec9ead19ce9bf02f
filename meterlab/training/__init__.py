"""Guided measurement exercises for trainees (competency 9 of "Technicus IoT").

An exercise file (limits/exercises/*.toml) says what to measure and what a correct
setup is; `format` loads it, `scenario` draws the seeded board variation, `state`
reads the instruments' real settings over SCPI, `grade` names the mistakes by
stable codes (`codes`), `answers` reads what the trainee types, and `session`
ties one attempt together and records it in the store. No Qt here.
"""
