"""The teacher's passphrase: stored only as a salted scrypt hash in the station file.

Solutions, fault switches and other trainees' records in the Training tab are
for the teacher; the passphrase that opens them is never stored in clear. The
station file holds `teacher_passphrase = "scrypt$<salt>$<hash>"`, printed by
`meterlab exercise passphrase`.
"""

from __future__ import annotations

import hashlib
import hmac
import os

_N, _R, _P = 2**14, 8, 1  # scrypt cost: ~50 ms and 16 MiB, fine for a bench PC


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    """`scrypt$<salt hex>$<hash hex>` for the station file."""
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_passphrase(passphrase: str, stored: str) -> bool:
    """True when `passphrase` matches the stored hash (False for an empty or odd one)."""
    parts = stored.split("$")
    if len(parts) != 3 or parts[0] != "scrypt":
        return False
    try:
        salt = bytes.fromhex(parts[1])
    except ValueError:
        return False
    return hmac.compare_digest(hash_passphrase(passphrase, salt), stored)
