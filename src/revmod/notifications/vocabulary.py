"""Words notices put into their templates, in the six languages: steps, roles, audit actions.

The notice texts are written once per language here and in `defaults.py`, not through
gettext, so a focal point reads a whole notice in their language (P&R 49) even where the
interface's translation catalogue is not complete.
"""

from revmod.core.i18n import localized

STEP_NAMES: dict[str, dict[str, str]] = {
    "consultation": {"en": "initial consultation", "fr": "consultation initiale", "es": "consulta inicial",
                     "ru": "первоначальная консультация", "ar": "المشاورة الأولية", "zh": "初步磋商"},
    "saq": {"en": "self-assessment questionnaire answers", "fr": "réponses au questionnaire d'auto-évaluation",
            "es": "respuestas al cuestionario de autoevaluación", "ru": "ответы на вопросник для самооценки",
            "ar": "الردود على قائمة التقييم الذاتي", "zh": "自评调查表答复"},
    "feedback": {"en": "written feedback", "fr": "commentaires écrits", "es": "comentarios por escrito",
                 "ru": "письменные замечания", "ar": "التعليقات الكتابية", "zh": "书面反馈"},
    "dialogue": {"en": "constructive dialogue", "fr": "dialogue constructif", "es": "diálogo constructivo",
                 "ru": "конструктивный диалог", "ar": "الحوار البنّاء", "zh": "建设性对话"},
    "observations": {"en": "list of observations", "fr": "liste d'observations", "es": "lista de observaciones",
                     "ru": "перечень замечаний", "ar": "قائمة الملاحظات", "zh": "意见清单"},
    "summary": {"en": "summary", "fr": "résumé", "es": "resumen", "ru": "резюме", "ar": "الخلاصة", "zh": "摘要"},
}

ROLE_NAMES: dict[str, dict[str, str]] = {
    "focal_point": {"en": "focal point", "fr": "point de contact", "es": "punto de contacto",
                    "ru": "координатор", "ar": "جهة وصل", "zh": "联络人"},
    "expert": {"en": "governmental expert", "fr": "expert gouvernemental", "es": "experto gubernamental",
               "ru": "правительственный эксперт", "ar": "خبير حكومي", "zh": "政府专家"},
    "observer": {"en": "observer", "fr": "observateur", "es": "observador", "ru": "наблюдатель",
                 "ar": "مراقب", "zh": "观察员"},
}

# What the monthly digest counts, by audit action (prefix before the last dot for step moves).
ACTION_NAMES: dict[str, dict[str, str]] = {
    "reviews.step.completed": {"en": "steps completed", "fr": "étapes achevées", "es": "etapas concluidas",
                               "ru": "завершённые шаги", "ar": "خطوات مكتملة", "zh": "已完成的步骤"},
    "reviews.step.cleared": {"en": "texts cleared by a focal point", "fr": "textes validés par un point de contact",
                             "es": "textos aprobados por un punto de contacto", "ru": "тексты, одобренные координатором",
                             "ar": "نصوص أقرّتها جهة وصل", "zh": "联络人核准的文本"},
    "documents.version.saved": {"en": "new versions of documents", "fr": "nouvelles versions de documents",
                                "es": "nuevas versiones de documentos", "ru": "новые версии документов",
                                "ar": "نسخ جديدة من الوثائق", "zh": "文件新版本"},
    "documents.message.posted": {"en": "messages in the dialogue", "fr": "messages dans le dialogue",
                                 "es": "mensajes en el diálogo", "ru": "сообщения в диалоге",
                                 "ar": "رسائل في الحوار", "zh": "对话中的消息"},
    "documents.attachment.added": {"en": "files shared", "fr": "fichiers partagés", "es": "archivos compartidos",
                                   "ru": "добавленные файлы", "ar": "ملفات مُشارَكة", "zh": "共享的文件"},
    "documents.question.asked": {"en": "clarification questions", "fr": "demandes d'éclaircissement",
                                 "es": "preguntas de aclaración", "ru": "запросы о разъяснении",
                                 "ar": "أسئلة استيضاحية", "zh": "澄清问题"},
    "documents.question.answered": {"en": "clarifications answered", "fr": "éclaircissements apportés",
                                    "es": "aclaraciones respondidas", "ru": "данные разъяснения",
                                    "ar": "ردود على أسئلة استيضاحية", "zh": "已答复的澄清问题"},
    "accounts.nomination.approved": {"en": "nominations approved", "fr": "désignations approuvées",
                                     "es": "designaciones aprobadas", "ru": "утверждённые назначения",
                                     "ar": "تسميات تمت الموافقة عليها", "zh": "获批的提名"},
    "lots.redraw.recorded": {"en": "redraws of reviewing States", "fr": "nouveaux tirages d'États examinateurs",
                             "es": "nuevos sorteos de Estados examinadores",
                             "ru": "повторные жеребьёвки проверяющих государств",
                             "ar": "إعادات سحب قرعة الدول المستعرِضة", "zh": "审议国重新抽签"},
    "reviews.deadline.changed": {"en": "deadlines changed", "fr": "délais modifiés", "es": "plazos modificados",
                                 "ru": "изменённые сроки", "ar": "مواعيد نهائية معدَّلة", "zh": "变更的截止日期"},
    "reviews.extension.requested": {"en": "extensions requested", "fr": "prorogations demandées",
                                    "es": "prórrogas solicitadas", "ru": "запросы о продлении срока",
                                    "ar": "طلبات تمديد", "zh": "延期申请"},
    "reviews.extension.decided": {"en": "extensions decided", "fr": "prorogations tranchées",
                                  "es": "prórrogas resueltas", "ru": "решения о продлении срока",
                                  "ar": "قرارات بشأن التمديد", "zh": "已决定的延期申请"},
    "other": {"en": "other changes", "fr": "autres changements", "es": "otros cambios", "ru": "другие изменения",
              "ar": "تغييرات أخرى", "zh": "其他变动"},
}


def step_name(kind: str, language: str) -> str:
    return localized(STEP_NAMES.get(kind), language) or kind


def role_name(role: str, language: str) -> str:
    return localized(ROLE_NAMES.get(role), language) or role


def action_group(action: str) -> str | None:
    """The digest line an audit action counts under; None for reads and exports, which change nothing."""
    if action.endswith((".read", ".exported")) or action.startswith(("audit.", "notifications.")):
        return None
    if action.startswith("reviews.step.") and action.endswith(".completed"):
        return "reviews.step.completed"
    return action if action in ACTION_NAMES else "other"


def action_name(group: str, language: str) -> str:
    return localized(ACTION_NAMES.get(group), language) or group
