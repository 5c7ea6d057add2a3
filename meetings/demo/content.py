"""Demo content from the seed: meeting rooms "for students to meet teachers, project leaders,
consultants and tutors of project work" (point 1.2 of the regulations). Names are invented adults."""

import datetime

PAGE = {
    "slug": "meeting-rooms",
    "title": "Переговорные комнаты",
    "introduction": (
        "Переговорные комнаты — для взаимодействия обучающихся с педагогами, руководителями и консультантами, "
        "тьюторами проектной деятельности. Выберите комнату, свободный слот в приёмные часы ведущего — "
        "и после подтверждения встреча появится в вашем календаре."
    ),
}

T = datetime.time

ROOMS = [
    {
        "name": "Тьюторская проектной деятельности",
        "purpose": (
            "Выбор темы индивидуального проекта, план работы по этапам, подготовка к защите. "
            "Приходите с идеей или с вопросом — разберёмся вместе."
        ),
        "host": {"name": "Анна Сергеевна Крылова", "role": "tutor", "position": "тьютор проектной деятельности"},
        "video_link": "https://telemost.yandex.ru/j/demo-tutor-room",
        "office_hours": [(1, T(15, 0), T(17, 0), 30), (3, T(15, 0), T(17, 0), 30)],
    },
    {
        "name": "Кабинет руководителя проектов",
        "purpose": (
            "Консультации по исследовательским и коллективным проектам по экономике и финансовой грамотности: "
            "методы, источники данных, оформление результатов."
        ),
        "host": {
            "name": "Михаил Андреевич Соболев",
            "role": "teacher",
            "position": "учитель экономики, руководитель проектов",
        },
        "video_link": "https://telemost.yandex.ru/j/demo-project-leader",
        "office_hours": [(0, T(14, 0), T(16, 0), 20), (2, T(14, 0), T(16, 0), 20)],
    },
    {
        "name": "Консультация партнёра",
        "purpose": (
            "Встреча с консультантом организации-партнёра: как проект выглядит глазами практиков, "
            "что проверить перед выставкой решений и конкурсами."
        ),
        "host": {
            "name": "Ольга Викторовна Белова",
            "role": "consultant",
            "position": "консультант организации-партнёра",
        },
        "video_link": "https://telemost.yandex.ru/j/demo-partner-consultant",
        "office_hours": [(4, T(16, 0), T(18, 0), 45)],
    },
]
