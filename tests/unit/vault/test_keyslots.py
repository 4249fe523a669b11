import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vpnotebook.vault import keyslots, recovery
from vpnotebook.vault.errors import (
    KeySlotsDamagedError,
    VaultDamagedError,
    VaultTooNewError,
    WrongSecretError,
)
from vpnotebook.vault.kdf import (
    MAX_COST_KIB_PASSES,
    MAX_ITERATIONS,
    MAX_MEMORY_KIB,
    TEST_PARAMS,
    Argon2Params,
)

DATA_KEY = bytes(range(32))


def _document(slots: keyslots.KeySlotFile) -> dict[str, Any]:
    return json.loads(slots.to_bytes())


def _as_an_editor_would(document: dict[str, Any]) -> bytes:
    """The file after a deliberate edit: the digest recomputed, as anyone can."""
    document["digest"] = keyslots.document_digest(document)
    return json.dumps(document).encode()


def test_passphrase_and_recovery_code_both_unwrap_the_same_key() -> None:
    slots, code = keyslots.new_slot_file(DATA_KEY, "wachtwoord één", TEST_PARAMS)
    assert slots.open_with_passphrase("wachtwoord één") == DATA_KEY
    assert slots.open_with_recovery_code(code) == DATA_KEY


def test_the_key_comes_back_in_a_buffer_that_can_be_wiped() -> None:
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    key = slots.open_with_passphrase("juist")
    assert isinstance(key, bytearray) and key == DATA_KEY
    keyslots.wipe(key)
    assert key == bytes(32)


def test_a_given_recovery_code_is_the_one_sealed() -> None:
    code = recovery.generate()
    slots, returned = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS, code)
    assert returned == code
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
    assert document["version"] == 2
    assert document["digest"] == keyslots.document_digest(document)
    kdf = document["slots"][0]["kdf"]
    assert kdf["algorithm"] == "argon2id" and "salt" in kdf and kdf["memory_kib"] == 256


def test_a_slot_cannot_be_moved_to_another_vault() -> None:
    first, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    second, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    stolen = keyslots.KeySlotFile(second.vault_id, {"passphrase": first.slots["passphrase"]})
    with pytest.raises(WrongSecretError):
        stolen.open_with_passphrase("juist")


def _relabelled(slot: keyslots.KeySlot, kind: str) -> keyslots.KeySlot:
    return keyslots.KeySlot(kind, slot.params, slot.salt, slot.nonce, slot.sealed_key)


def test_a_recovery_slot_relabelled_as_the_passphrase_slot_does_not_open() -> None:
    """The slot's kind is in the associated data (issue 15's surviving mutant).

    The secret matches: a recovery code typed as a passphrase gives the very bytes the
    recovery slot was sealed with. Only the kind in the associated data keeps it shut.
    """
    code = recovery.generate()
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS, code)
    recovery_slot = slots.slots[keyslots.RECOVERY]
    assert keyslots.passphrase_bytes(code) == recovery.secret_bytes(code)
    # The control: under its own kind the same slot opens with the same bytes.
    assert keyslots.unseal(slots.vault_id, recovery_slot, keyslots.passphrase_bytes(code)) == (
        DATA_KEY
    )
    forged = keyslots.KeySlotFile(
        slots.vault_id, {keyslots.PASSPHRASE: _relabelled(recovery_slot, keyslots.PASSPHRASE)}
    )
    with pytest.raises(WrongSecretError):
        forged.open_with_passphrase(code)


def test_a_passphrase_slot_relabelled_as_the_recovery_slot_does_not_open() -> None:
    passphrase = recovery.generate()  # a passphrase that happens to look like a code
    slots, _ = keyslots.new_slot_file(DATA_KEY, passphrase, TEST_PARAMS)
    passphrase_slot = slots.slots[keyslots.PASSPHRASE]
    forged = slots.with_slot(_relabelled(passphrase_slot, keyslots.RECOVERY))
    assert forged.open_with_passphrase(passphrase) == DATA_KEY  # the control
    with pytest.raises(WrongSecretError):
        forged.open_with_recovery_code(passphrase)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format="iets anders"),
        lambda d: d.update(slots=[]),
        lambda d: d.update(vault_id="geen-uuid"),
        lambda d: d["slots"][0].update(nonce="%%%"),
        lambda d: d["slots"][0].update(nonce="AAAA"),  # valid base64, wrong length
        lambda d: d["slots"][0]["kdf"].update(memory_kib=10**12),
        lambda d: d["slots"][0]["kdf"].update(memory_kib=True),
        lambda d: d["slots"][0]["kdf"].update(algorithm="scrypt"),
        lambda d: d["slots"].append(dict(d["slots"][0])),
        lambda d: d.update(version=0),
    ],
)
def test_malformed_slot_files_are_damage_even_with_a_recomputed_digest(mutate) -> None:  # type: ignore[no-untyped-def]
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    document = _document(slots)
    mutate(document)
    with pytest.raises(KeySlotsDamagedError):
        keyslots.KeySlotFile.from_bytes(_as_an_editor_would(document))


def test_every_single_bit_flip_anywhere_in_the_file_is_damage() -> None:
    """Exhaustive: each bit of each byte. Never "wrong passphrase", never "newer version"."""
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    raw = slots.to_bytes()
    outcomes: set[type] = set()
    for position in range(len(raw)):
        for bit in range(8):
            flipped = bytearray(raw)
            flipped[position] ^= 1 << bit
            with pytest.raises(VaultDamagedError) as caught:
                keyslots.KeySlotFile.from_bytes(bytes(flipped))
            outcomes.add(type(caught.value))
    assert outcomes == {KeySlotsDamagedError}


def test_the_digest_is_checked_before_the_version() -> None:
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    raw = slots.to_bytes()
    flipped = raw.replace(b'"version": 2', b'"version": 3')  # 0x32 -> 0x33: one bit
    assert len(flipped) == len(raw) and flipped != raw
    with pytest.raises(KeySlotsDamagedError):
        keyslots.KeySlotFile.from_bytes(flipped)
    # A genuine newer file (its digest made by that version) is "too new", not damaged.
    document = _document(slots)
    document["version"] = 3
    with pytest.raises(VaultTooNewError):
        keyslots.KeySlotFile.from_bytes(_as_an_editor_would(document))


def _version_1(slots: keyslots.KeySlotFile) -> bytes:
    document = _document(slots)
    del document["digest"]
    document["version"] = 1
    return json.dumps(document, indent=2).encode()


def test_a_version_1_file_is_read_and_written_back_as_version_2(tmp_path: Path) -> None:
    slots, code = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    old = keyslots.KeySlotFile.from_bytes(_version_1(slots))
    assert old.read_version == 1
    assert old.open_with_passphrase("juist") == DATA_KEY
    assert old.open_with_recovery_code(code) == DATA_KEY
    path = tmp_path / "keyslots.json"
    old.save(path)
    upgraded = json.loads(path.read_bytes())
    assert upgraded["version"] == 2 and upgraded["digest"].startswith("sha256:")
    assert keyslots.KeySlotFile.load(path).open_with_recovery_code(code) == DATA_KEY


def test_a_version_1_file_without_its_digest_still_tells_malformed_fields_apart() -> None:
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    document = json.loads(_version_1(slots))
    document["slots"][0]["kdf"]["iterations"] = MAX_ITERATIONS + 1
    with pytest.raises(KeySlotsDamagedError):
        keyslots.KeySlotFile.from_bytes(json.dumps(document).encode())


def test_garbage_is_damage() -> None:
    with pytest.raises(KeySlotsDamagedError):
        keyslots.KeySlotFile.from_bytes(os.urandom(200))
    with pytest.raises(KeySlotsDamagedError):
        keyslots.KeySlotFile.from_bytes(b"[1, 2, 3]")


@settings(max_examples=200, deadline=None)
@given(
    memory=st.integers(min_value=1, max_value=8 * MAX_MEMORY_KIB),
    iterations=st.integers(min_value=1, max_value=4 * MAX_ITERATIONS),
    parallelism=st.integers(min_value=1, max_value=64),
)
def test_a_slot_is_read_exactly_when_its_parameters_are_within_the_bounds(
    memory: int, iterations: int, parallelism: int
) -> None:
    slots, _ = keyslots.new_slot_file(DATA_KEY, "juist", TEST_PARAMS)
    document = _document(slots)
    document["slots"][0]["kdf"].update(
        memory_kib=memory, iterations=iterations, parallelism=parallelism
    )
    inside = (
        memory <= MAX_MEMORY_KIB
        and iterations <= MAX_ITERATIONS
        and memory * iterations <= MAX_COST_KIB_PASSES
        and parallelism <= 16
        and memory >= 8 * parallelism
    )
    raw = _as_an_editor_would(document)
    if inside:
        read = keyslots.KeySlotFile.from_bytes(raw)
        assert read.slots[keyslots.PASSPHRASE].params == Argon2Params(
            memory, iterations, parallelism
        )
    else:
        with pytest.raises(KeySlotsDamagedError):
            keyslots.KeySlotFile.from_bytes(raw)
