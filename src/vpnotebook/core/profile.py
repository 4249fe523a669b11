"""Who the VP is: the name and role that sign the annual report, the access export and the
VP's own prints. Kept in the vault's settings (they are about a person), set in the first-start
wizard and changed under Instellingen → Over u."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import ValidationError
from .journal import Journal
from .taxonomy import Term, Vocabulary

VP_ROLES = Vocabulary(
    "vp_role",
    Term("external", "Externe vertrouwenspersoon", "External confidential counsellor"),
    Term("internal", "Interne vertrouwenspersoon", "Internal confidential counsellor"),
    Term("integrity", "Vertrouwenspersoon integriteit", "Confidential counsellor for integrity"),
)
NAME_KEY = "vp_name"
ROLE_KEY = "vp_role"
MAX_NAME = 300


@dataclass(frozen=True)
class VpProfile:
    name: str
    role: str  # a code of VP_ROLES, or "" when not set

    def role_label(self, language: str = "nl") -> str:
        return VP_ROLES.label(self.role, language) if self.role in VP_ROLES else ""

    def signature(self, language: str = "nl") -> str:
        """ "R. Vermeulen, Externe vertrouwenspersoon", or a neutral word when neither is set."""
        parts = [part for part in (self.name, self.role_label(language)) if part]
        if parts:
            return ", ".join(parts)
        return "the confidential counsellor" if language == "en" else "de vertrouwenspersoon"


def vp_profile(journal: Journal) -> VpProfile:
    return VpProfile(
        name=(journal.setting(NAME_KEY, "") or "").strip(),
        role=journal.setting(ROLE_KEY, "") or "",
    )


def save_vp_profile(journal: Journal, name: str, role: str) -> VpProfile:
    """Store the VP's name and role together; ValidationError names the field that is wrong."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError(
            "VpProfile",
            "name",
            "Uw naam is verplicht: hij staat op het jaarverslag.",
            "name is required",
        )
    if len(name) > MAX_NAME:
        raise ValidationError("VpProfile", "name", "Uw naam is te lang.", "name is too long")
    if role not in VP_ROLES:
        raise ValidationError("VpProfile", "role", "Kies uw rol.", f"unknown role {role!r}")
    with journal.db.transaction():
        journal.set_setting(NAME_KEY, name)
        journal.set_setting(ROLE_KEY, role)
    return VpProfile(name, role)
