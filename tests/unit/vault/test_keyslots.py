import json
import os
from pathlib import Path

import pytest

from vpnotebook.vault import keyslots
from vpnotebook.vault.errors import VaultDamagedError, VaultTooNewError, WrongSecretError
from vpnotebook.vault.kdf import FLOOR_PARAMS, TEST_PARAMS, Argon2Params, calibrate

DATA_KEY = bytes(range(32))


def test_passphrase_and_recovery_code_both_unwrap_the_same_key() -> None:
    slots, code = keyslots.new_slot_file(DATA_KEY, "wachtwoord één", TEST_PARAMS)
    assert slots.open_with_passphrase("wachtwoord één") == DATA_KEY
    assert slots.open_with_recovery_code(code) == DATA_KEY


def test_unicode_passphrase_is_normalised() -> None:
    composed = "caf\u00e9 geheim"
    decomposed = "cafe\u0301 geheim"
    slots, _ = keyslots.new_slot_file(DATA_KEY, composed, TEST_PARAMS)
    assert slots.open_with_passphrase(decomposed) == DATA_KEY


def test_wrong_secrets_are_refused() -> None:
    slots, _code = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    with pytest.raises(WrongSecretError):
        slots.open_with_passphrase("onjuist")
    from vpnotebook.vault import recovery

    with pytest.raises(WrongSecretError):
        slots.open_with_recovery_code(recovery.generate())


def test_slot_file_round_trips_and_stores_no_key_material_in_clear(tmp_path: Path) -> None:
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    path = tmp_path / "keyslots.json"
    slots.save(path)
    raw = path.read_bytes()
    assert DATA_KEY not in raw and DATA_KEY.hex().encode() not in raw
    assert keyslots.KeySlotFile.load(path).open_with_passphrase("juist") == DATA_KEY
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    document = json.loads(raw)
    kdf = document["slots"][0]["kdf"]
    assert kdf["algorithm"] == "argon2id" and "salt" in kdf and kdf["memory_kib"] == 256


def test_a_slot_cannot_be_moved_to_another_vault_or_kind() -> None:
    first, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    second, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    stolen = keyslots.KeySlotFile(second.vault_id, {"passphrase": first.slots["passphrase"]})
    with pytest.raises(WrongSecretError):
        stolen.open_with_passphrase("juist")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format="iets anders"),
        lambda d: d.update(slots=[]),
        lambda d: d.update(vault_id="geen-uuid"),
        lambda d: d["slots"][0].update(nonce="%%%"),
        lambda d: d["slots"][0]["kdf"].update(memory_kib=10**12),
        lambda d: d["slots"][0]["kdf"].update(algorithm="scrypt"),
        lambda d: d["slots"].append(dict(d["slots"][0])),
    ],
)
def test_damaged_slot_files_are_told_apart_from_wrong_passphrases(mutate) -> None:  # type: ignore[no-untyped-def]
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    document = json.loads(slots.to_bytes())
    mutate(document)
    with pytest.raises(VaultDamagedError):
        keyslots.KeySlotFile.from_bytes(json.dumps(document).encode())


def test_garbage_is_damage_and_a_newer_version_is_too_new() -> None:
    with pytest.raises(VaultDamagedError):
        keyslots.KeySlotFile.from_bytes(os.urandom(200))
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    document = json.loads(slots.to_bytes())
    document["version"] = 99
    with pytest.raises(VaultTooNewError):
        keyslots.KeySlotFile.from_bytes(json.dumps(document).encode())


@pytest.mark.slow
def test_calibration_never_goes_below_the_floor() -> None:
    params = calibrate(target_ms=1)
    assert params.memory_kib >= FLOOR_PARAMS.memory_kib
    assert params.iterations >= FLOOR_PARAMS.iterations
    assert params.meets_floor
    assert not Argon2Params(1024, 1).meets_floor
