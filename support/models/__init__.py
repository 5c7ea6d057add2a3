"""The support system ("система сопровождения"): programmes, materials, the rest room and progress."""

from support.models.index import SupportIndexPage
from support.models.materials import MaterialPage, MaterialsLibraryPage
from support.models.programmes import ProgrammePage, SupportSectionPage
from support.models.progress import ModuleProgress, ProgrammeCompletion
from support.models.rest_room import RestRoomPage
from support.models.topics import SupportTopic

__all__ = [
    "MaterialPage",
    "MaterialsLibraryPage",
    "ModuleProgress",
    "ProgrammeCompletion",
    "ProgrammePage",
    "RestRoomPage",
    "SupportIndexPage",
    "SupportSectionPage",
    "SupportTopic",
]
