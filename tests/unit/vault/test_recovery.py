import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpnotebook.vault import recovery
from vpnotebook.vault.errors import InvalidRecoveryCodeError

CODE_SHAPE = re.compile(r"^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$")


def test_generated_code_has_six_groups_of_five() -> None:
    for _ in range(50):
        assert CODE_SHAPE.match(recovery.generate())


def test_codes_are_random() -> None:
    assert len({recovery.generate() for _ in range(200)}) == 200


def test_typing_variants_are_accepted() -> None:
    code = recovery.generate()
    sloppy = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert recovery.normalise(sloppy) == code
    assert recovery.secret_bytes(sloppy) == recovery.secret_bytes(code)


@given(st.integers(min_value=0, max_value=29), st.sampled_from(recovery.ALPHABET))
def test_a_single_typo_is_caught_by_the_checksum_nearly_always(index: int, char: str) -> None:
    code = recovery.generate().replace("-", "")
    if code[index] == char:
        return
    typo = code[:index] + char + code[index + 1 :]
    # Ten check bits: one typo in 1024 slips through; the slot then says "wrong code".
    if recovery.looks_like_recovery_code(typo):
        assert recovery.normalise(typo) != recovery.normalise(code)


def test_typo_rate_is_low() -> None:
    slipped = 0
    for _ in range(300):
        code = recovery.generate().replace("-", "")
        i = 7
        replacement = next(c for c in recovery.ALPHABET if c != code[i])
        slipped += recovery.looks_like_recovery_code(code[:i] + replacement + code[i + 1 :])
    assert slipped < 10


@pytest.mark.parametrize("bad", ["", "ABC", "UUUUU-" * 5 + "UUUUU", "!" * 30])
def test_malformed_codes_are_refused(bad: str) -> None:
    with pytest.raises(InvalidRecoveryCodeError):
        recovery.normalise(bad)
