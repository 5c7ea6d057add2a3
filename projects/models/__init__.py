"""The projects workspace: projects worked on stage by stage, their checkpoints, artefacts, journal, the
tutor's decisions (stage moves, join requests), and what each resident wants to hear about by e-mail."""

from projects.models.journal import Post, PostKind
from projects.models.notifications import NotificationKind, NotificationOptOut
from projects.models.projects import Project, ProjectKind, ProjectMember
from projects.models.stages import Stage
from projects.models.work import (
    Artefact,
    ArtefactKind,
    Checkpoint,
    CheckpointStatus,
    Decision,
    JoinRequest,
    StageMove,
)

__all__ = [
    "Artefact",
    "ArtefactKind",
    "Checkpoint",
    "CheckpointStatus",
    "Decision",
    "JoinRequest",
    "NotificationKind",
    "NotificationOptOut",
    "Post",
    "PostKind",
    "Project",
    "ProjectKind",
    "ProjectMember",
    "Stage",
    "StageMove",
]
