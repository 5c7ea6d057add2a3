from surveys.models.invitations import SurveyInvitation
from surveys.models.pages import SurveyField, SurveyPage
from surveys.models.submissions import SurveySubmission

__all__ = ["SurveyField", "SurveyInvitation", "SurveyPage", "SurveySubmission"]
