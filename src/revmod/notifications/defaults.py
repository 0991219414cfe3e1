"""The notice templates revmod starts with, in the six languages; the secretariat edits them afterwards.

The data migration `0003_default_templates` seeds them; `domain.texts.render` falls back to
them when a template row is missing. Each entry: code -> (name, for_reminders, {language:
(subject, text)}).
"""

PLACEHOLDERS = frozenset({
    "state", "step", "done", "due_on", "days", "url", "author", "file", "person", "role", "party",
    "old", "new", "count", "items", "month", "preferences_url",
})

_EN, _FR, _ES, _RU, _AR, _ZH = "en", "fr", "es", "ru", "ar", "zh"

TEMPLATES: dict[str, tuple[str, bool, dict[str, tuple[str, str]]]] = {
    "step.submitted": ("A step is completed, the next one opens", False, {
        _EN: ("Review of {state}: {step} is open", "Step completed: {done}.\nNow open: {step}.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : étape ouverte – {step}", "Étape achevée : {done}.\nÉtape désormais ouverte : {step}.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: etapa abierta – {step}", "Etapa concluida: {done}.\nEtapa abierta ahora: {step}.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): открыт шаг «{step}»", "Завершён шаг: {done}.\nТеперь открыт шаг: {step}.\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: أصبحت خطوة «{step}» مفتوحة", "اكتملت الخطوة: {done}.\nالخطوة المفتوحة الآن: {step}.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：{step}已开始", "已完成的步骤：{done}。\n现已开始的步骤：{step}。\n\n打开审议：{url}"),
    }),
    "phase.finalized": ("The last step is completed, the phase is finalized", False, {
        _EN: ("Review of {state}: phase finalized", "Step completed: {done}.\nThe phase of the review of {state} is finalized.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : phase finalisée", "Étape achevée : {done}.\nLa phase de l'examen de {state} est finalisée.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: fase concluida", "Etapa concluida: {done}.\nLa fase del examen de {state} ha concluido.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): этап обзора завершён", "Завершён шаг: {done}.\nЭтап странового обзора ({state}) завершён.\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: أُنجزت المرحلة", "اكتملت الخطوة: {done}.\nأُنجزت مرحلة استعراض {state}.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：本阶段已完成", "已完成的步骤：{done}。\n{state}审议的本阶段已完成。\n\n打开审议：{url}"),
    }),
    "message.posted": ("A message in the constructive dialogue", False, {
        _EN: ("Review of {state}: new message in the constructive dialogue", "{author} wrote in the constructive dialogue.\n\nRead and answer: {url}"),
        _FR: ("Examen de {state} : nouveau message dans le dialogue constructif", "{author} a écrit dans le dialogue constructif.\n\nLire et répondre : {url}"),
        _ES: ("Examen de {state}: nuevo mensaje en el diálogo constructivo", "{author} escribió en el diálogo constructivo.\n\nLeer y responder: {url}"),
        _RU: ("Страновой обзор ({state}): новое сообщение в конструктивном диалоге", "{author} написал(а) сообщение в конструктивном диалоге.\n\nПрочитать и ответить: {url}"),
        _AR: ("استعراض {state}: رسالة جديدة في الحوار البنّاء", "كتب {author} رسالة في الحوار البنّاء.\n\nاقرأ الرسالة وأجب عنها: {url}"),
        _ZH: ("{state}的审议：建设性对话中有新消息", "{author}在建设性对话中发布了消息。\n\n阅读并回复：{url}"),
    }),
    "document.shared": ("A file is shared", False, {
        _EN: ("Review of {state}: a file was shared", "{author} shared the file “{file}” ({step}).\n\nOpen it: {url}"),
        _FR: ("Examen de {state} : un fichier a été partagé", "{author} a partagé le fichier « {file} » ({step}).\n\nL'ouvrir : {url}"),
        _ES: ("Examen de {state}: se ha compartido un archivo", "{author} compartió el archivo «{file}» ({step}).\n\nAbrirlo: {url}"),
        _RU: ("Страновой обзор ({state}): добавлен файл", "{author} добавил(а) файл «{file}» ({step}).\n\nОткрыть: {url}"),
        _AR: ("استعراض {state}: تمت مشاركة ملف", "شارك {author} الملف «{file}» ({step}).\n\nافتحه: {url}"),
        _ZH: ("{state}的审议：有人共享了文件", "{author}共享了文件“{file}”（{step}）。\n\n打开：{url}"),
    }),
    "nomination.approved": ("A nomination is approved", False, {
        _EN: ("Review of {state}: {person} is now {role} for {party}", "The secretariat approved the nomination of {person} as {role} for {party} in the review of {state}.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : {person}, {role} pour {party}", "Le secrétariat a approuvé la désignation de {person} comme {role} pour {party} dans l'examen de {state}.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: {person}, {role} de {party}", "La secretaría aprobó la designación de {person} como {role} de {party} en el examen de {state}.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): {person} — {role} ({party})", "Секретариат утвердил назначение: {person}, {role} ({party}), страновой обзор ({state}).\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: {person} بصفة {role} عن {party}", "وافقت الأمانة على تسمية {person} بصفة {role} عن {party} في استعراض {state}.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：{person}担任{party}的{role}", "秘书处已批准提名{person}担任{party}在{state}审议中的{role}。\n\n打开审议：{url}"),
    }),
    "redraw.recorded": ("A reviewing State is redrawn", False, {
        _EN: ("Review of {state}: new reviewing State", "Following a redraw, {new} replaces {old} as reviewing State in the review of {state}.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : nouvel État examinateur", "À la suite d'un nouveau tirage au sort, {new} remplace {old} comme État examinateur dans l'examen de {state}.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: nuevo Estado examinador", "Tras un nuevo sorteo, {new} sustituye a {old} como Estado examinador en el examen de {state}.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): новое проверяющее государство", "По итогам повторной жеребьёвки {new} заменяет {old} в качестве проверяющего государства в страновом обзоре ({state}).\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: دولة مستعرِضة جديدة", "إثر إعادة سحب القرعة، تحلّ {new} محلّ {old} بصفتها دولة مستعرِضة في استعراض {state}.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：新的审议国", "经重新抽签，{new}接替{old}担任{state}审议的审议国。\n\n打开审议：{url}"),
    }),
    "deadline.coming": ("A deadline is coming (to the responsible focal point)", False, {
        _EN: ("Review of {state}: {step} due on {due_on}", "The agreed deadline for the {step} in the review of {state} is {due_on} (days left: {days}).\n\nIf more time is needed, the focal point can ask for an extension on the platform.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : {step} à remettre le {due_on}", "Dans l'examen de {state}, le délai convenu pour l'étape « {step} » expire le {due_on} (jours restants : {days}).\n\nSi plus de temps est nécessaire, le point de contact peut demander une prorogation sur la plateforme.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: {step}, plazo hasta el {due_on}", "En el examen de {state}, el plazo acordado para la etapa «{step}» vence el {due_on} (días restantes: {days}).\n\nSi se necesita más tiempo, el punto de contacto puede solicitar una prórroga en la plataforma.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): срок шага «{step}» — {due_on}", "Согласованный срок для шага «{step}» в страновом обзоре ({state}) истекает {due_on} (осталось дней: {days}).\n\nЕсли требуется больше времени, координатор может запросить продление срока на платформе.\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: الموعد النهائي لخطوة «{step}» هو {due_on}", "الموعد النهائي المتفق عليه لخطوة «{step}» في استعراض {state} هو {due_on} (الأيام المتبقية: {days}).\n\nإذا لزم مزيد من الوقت، يمكن لجهة الوصل طلب تمديد عبر المنصة.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：{step}的截止日期为{due_on}", "{state}审议中{step}的商定截止日期为{due_on}（剩余天数：{days}）。\n\n如需更多时间，联络人可在平台上申请延期。\n\n打开审议：{url}"),
    }),
    "deadline.missed": ("A deadline is missed (weekly, the secretariat copied)", False, {
        _EN: ("Review of {state}: deadline missed for the {step} ({due_on})", "The {step} in the review of {state} was due on {due_on} and has not been submitted (days late: {days}).\n\nPlease submit it, or ask for an extension on the platform. This notice is repeated every week; the secretariat is copied.\n\nOpen the review: {url}"),
        _FR: ("Examen de {state} : délai dépassé – {step} ({due_on})", "Dans l'examen de {state}, l'étape « {step} » devait être achevée le {due_on} et ne l'a pas été (jours de retard : {days}).\n\nMerci de la soumettre ou de demander une prorogation sur la plateforme. Ce rappel est répété chaque semaine ; le secrétariat en reçoit copie.\n\nOuvrir l'examen : {url}"),
        _ES: ("Examen de {state}: plazo vencido – {step} ({due_on})", "En el examen de {state}, la etapa «{step}» debía concluirse el {due_on} y no se ha presentado (días de retraso: {days}).\n\nLe rogamos que la presente o solicite una prórroga en la plataforma. Este aviso se repite cada semana; la secretaría recibe copia.\n\nAbrir el examen: {url}"),
        _RU: ("Страновой обзор ({state}): пропущен срок — {step} ({due_on})", "В страновом обзоре ({state}) шаг «{step}» должен был быть завершён {due_on}, но не представлен (дней просрочки: {days}).\n\nПросим представить его или запросить продление срока на платформе. Это уведомление повторяется еженедельно; копия направляется секретариату.\n\nОткрыть обзор: {url}"),
        _AR: ("استعراض {state}: انقضى الموعد النهائي لخطوة «{step}» ({due_on})", "في استعراض {state}، كان موعد تقديم خطوة «{step}» هو {due_on} ولم تُقدَّم بعد (أيام التأخير: {days}).\n\nيُرجى تقديمها أو طلب تمديد عبر المنصة. يتكرر هذا الإشعار كل أسبوع، وتُرسل نسخة منه إلى الأمانة.\n\nافتح الاستعراض: {url}"),
        _ZH: ("{state}的审议：{step}已逾期（截止日期{due_on}）", "{state}审议中的{step}应于{due_on}提交，但尚未提交（逾期天数：{days}）。\n\n请提交，或在平台上申请延期。本通知每周重复一次，并抄送秘书处。\n\n打开审议：{url}"),
    }),
    "deadline.escalated": ("A deadline long missed (to the permanent mission)", False, {
        _EN: ("Review of {state}: {step} overdue since {due_on}", "To the Permanent Mission of {party}:\n\nIn the review of {state}, the {step}, for which {party} is responsible, was due on {due_on} and is {days} days late. The focal point has been reminded every week. The secretariat would be grateful for the Mission's help in moving the review forward.\n\nThe secretariat is copied on this message."),
        _FR: ("Examen de {state} : {step} en retard depuis le {due_on}", "À l'attention de la Mission permanente de {party} :\n\nDans l'examen de {state}, l'étape « {step} », qui relève de {party}, devait être achevée le {due_on} et accuse {days} jours de retard. Le point de contact a été relancé chaque semaine. Le secrétariat serait reconnaissant à la Mission de l'aider à faire avancer l'examen.\n\nLe secrétariat reçoit copie de ce message."),
        _ES: ("Examen de {state}: {step} con retraso desde el {due_on}", "A la atención de la Misión Permanente de {party}:\n\nEn el examen de {state}, la etapa «{step}», que corresponde a {party}, debía concluirse el {due_on} y lleva {days} días de retraso. Se ha enviado un recordatorio semanal al punto de contacto. La secretaría agradecería la ayuda de la Misión para que el examen avance.\n\nLa secretaría recibe copia de este mensaje."),
        _RU: ("Страновой обзор ({state}): шаг «{step}» просрочен с {due_on}", "Постоянному представительству ({party}):\n\nВ страновом обзоре ({state}) шаг «{step}», за который отвечает {party}, должен был быть завершён {due_on}; дней просрочки: {days}. Координатору еженедельно направлялись напоминания. Секретариат был бы признателен Представительству за содействие в продвижении обзора.\n\nКопия этого сообщения направлена секретариату."),
        _AR: ("استعراض {state}: تأخّر خطوة «{step}» منذ {due_on}", "إلى البعثة الدائمة لـ{party}:\n\nفي استعراض {state}، كان موعد تقديم خطوة «{step}»، التي تقع مسؤوليتها على {party}، هو {due_on}، وقد بلغ التأخير {days} يومًا. وقد أُرسل تذكير أسبوعي إلى جهة الوصل. وستكون الأمانة ممتنة لمساعدة البعثة في المضي قُدُمًا بالاستعراض.\n\nتُرسل نسخة من هذه الرسالة إلى الأمانة."),
        _ZH: ("{state}的审议：{step}自{due_on}起逾期", "致{party}常驻代表团：\n\n在{state}的审议中，由{party}负责的{step}应于{due_on}提交，现已逾期{days}天。我们每周都向联络人发送了提醒。秘书处感谢代表团协助推进审议。\n\n本函抄送秘书处。"),
    }),
    "digest.daily": ("Daily digest", False, {
        _EN: ("Your daily summary: {count} notices", "What happened in your reviews since the last summary:\n\n{items}\n\nYour inbox: {url}\nTo receive each notice at once, or none by e-mail, change your preferences: {preferences_url}"),
        _FR: ("Votre récapitulatif quotidien : {count} avis", "Ce qui s'est passé dans vos examens depuis le dernier récapitulatif :\n\n{items}\n\nVotre boîte de réception : {url}\nPour recevoir chaque avis immédiatement, ou aucun par courriel, modifiez vos préférences : {preferences_url}"),
        _ES: ("Su resumen diario: {count} avisos", "Lo ocurrido en sus exámenes desde el último resumen:\n\n{items}\n\nSu bandeja de entrada: {url}\nPara recibir cada aviso de inmediato, o ninguno por correo electrónico, cambie sus preferencias: {preferences_url}"),
        _RU: ("Ежедневная сводка: уведомлений — {count}", "Что произошло в ваших обзорах после предыдущей сводки:\n\n{items}\n\nВаши входящие: {url}\nЧтобы получать каждое уведомление сразу или не получать их по электронной почте, измените настройки: {preferences_url}"),
        _AR: ("ملخّصك اليومي: عدد الإشعارات {count}", "ما جرى في استعراضاتك منذ الملخّص الأخير:\n\n{items}\n\nصندوق الوارد: {url}\nلتلقّي كل إشعار فورًا، أو عدم تلقّي أي إشعار بالبريد الإلكتروني، غيّر تفضيلاتك: {preferences_url}"),
        _ZH: ("您的每日摘要：{count}条通知", "自上次摘要以来您所参与审议的新情况：\n\n{items}\n\n您的收件箱：{url}\n如需即时接收每条通知，或不再通过电子邮件接收，请更改偏好设置：{preferences_url}"),
    }),
    "digest.monthly": ("Monthly digest", False, {
        _EN: ("Your reviews in {month}", "What happened in your reviews in {month}:\n\n{items}\n\nOpen your reviews: {url}\nTo stop this monthly digest, change your preferences: {preferences_url}"),
        _FR: ("Vos examens – récapitulatif de {month}", "Ce qui s'est passé dans vos examens en {month} :\n\n{items}\n\nOuvrir vos examens : {url}\nPour ne plus recevoir ce récapitulatif mensuel, modifiez vos préférences : {preferences_url}"),
        _ES: ("Sus exámenes: resumen de {month}", "Lo ocurrido en sus exámenes en {month}:\n\n{items}\n\nAbrir sus exámenes: {url}\nPara dejar de recibir este resumen mensual, cambie sus preferencias: {preferences_url}"),
        _RU: ("Ваши обзоры: сводка за {month}", "Что произошло в ваших обзорах за {month}:\n\n{items}\n\nОткрыть ваши обзоры: {url}\nЧтобы отказаться от ежемесячной сводки, измените настройки: {preferences_url}"),
        _AR: ("استعراضاتك: ملخّص {month}", "ما جرى في استعراضاتك خلال {month}:\n\n{items}\n\nافتح استعراضاتك: {url}\nلإيقاف هذا الملخّص الشهري، غيّر تفضيلاتك: {preferences_url}"),
        _ZH: ("您的审议：{month}月度摘要", "{month}您所参与审议的情况：\n\n{items}\n\n打开您的审议：{url}\n如不想再收到月度摘要，请更改偏好设置：{preferences_url}"),
    }),
    "reminder.deadline": ("Reminder: a step's deadline", True, {
        _EN: ("Reminder – review of {state}: {step} due on {due_on}", "Dear colleague,\n\nThe secretariat reminds you that the {step} in the review of {state} is due on {due_on}. Please let the secretariat know if you need help or more time.\n\nOpen the review: {url}\n\nThe secretariat of the Implementation Review Mechanism"),
        _FR: ("Rappel – examen de {state} : {step}, délai le {due_on}", "Madame, Monsieur,\n\nLe secrétariat vous rappelle que l'étape « {step} » de l'examen de {state} doit être achevée le {due_on}. N'hésitez pas à informer le secrétariat si vous avez besoin d'aide ou de plus de temps.\n\nOuvrir l'examen : {url}\n\nLe secrétariat du Mécanisme d'examen de l'application"),
        _ES: ("Recordatorio – examen de {state}: {step}, plazo hasta el {due_on}", "Estimado/a colega:\n\nLa secretaría le recuerda que la etapa «{step}» del examen de {state} debe concluirse el {due_on}. Le rogamos que informe a la secretaría si necesita ayuda o más tiempo.\n\nAbrir el examen: {url}\n\nLa secretaría del Mecanismo de Examen de la Aplicación"),
        _RU: ("Напоминание — страновой обзор ({state}): «{step}», срок {due_on}", "Уважаемый коллега!\n\nСекретариат напоминает, что шаг «{step}» в страновом обзоре ({state}) должен быть завершён {due_on}. Просим сообщить секретариату, если вам нужна помощь или дополнительное время.\n\nОткрыть обзор: {url}\n\nСекретариат Механизма обзора хода осуществления"),
        _AR: ("تذكير – استعراض {state}: خطوة «{step}»، الموعد النهائي {due_on}", "الزميل العزيز،\n\nتودّ الأمانة أن تذكّركم بأن موعد تقديم خطوة «{step}» في استعراض {state} هو {due_on}. يُرجى إبلاغ الأمانة إذا كنتم بحاجة إلى مساعدة أو إلى مزيد من الوقت.\n\nافتح الاستعراض: {url}\n\nأمانة آلية استعراض التنفيذ"),
        _ZH: ("提醒——{state}的审议：{step}截止日期为{due_on}", "尊敬的同事：\n\n秘书处谨提醒您，{state}审议中的{step}应于{due_on}完成。如需协助或更多时间，请告知秘书处。\n\n打开审议：{url}\n\n实施情况审议机制秘书处"),
    }),
    "reminder.focal_point": ("Reminder: nominate a focal point", True, {
        _EN: ("Review of {state}: please nominate a focal point for {party}", "Dear colleague,\n\n{party} has no focal point for the review of {state}. Until one is nominated, the Permanent Mission acts as temporary focal point and receives all communications (paragraph 18 of the procedures and rules). Please send the nomination to the secretariat by note verbale.\n\nThe secretariat of the Implementation Review Mechanism"),
        _FR: ("Examen de {state} : merci de désigner un point de contact pour {party}", "Madame, Monsieur,\n\n{party} n'a pas de point de contact pour l'examen de {state}. Jusqu'à sa désignation, la Mission permanente fait office de point de contact temporaire et reçoit toutes les communications (paragraphe 18 des procédures et règles). Merci d'adresser la désignation au secrétariat par note verbale.\n\nLe secrétariat du Mécanisme d'examen de l'application"),
        _ES: ("Examen de {state}: sírvase designar un punto de contacto para {party}", "Estimado/a colega:\n\n{party} no tiene punto de contacto para el examen de {state}. Hasta que se designe uno, la Misión Permanente actúa como punto de contacto provisional y recibe todas las comunicaciones (párrafo 18 de los procedimientos y normas). Le rogamos que envíe la designación a la secretaría mediante nota verbal.\n\nLa secretaría del Mecanismo de Examen de la Aplicación"),
        _RU: ("Страновой обзор ({state}): просим назначить координатора ({party})", "Уважаемый коллега!\n\nДля странового обзора ({state}) не назначен координатор от: {party}. До его назначения функции временного координатора выполняет Постоянное представительство, которому направляются все сообщения (пункт 18 процедур и правил). Просим направить секретариату вербальную ноту о назначении.\n\nСекретариат Механизма обзора хода осуществления"),
        _AR: ("استعراض {state}: يُرجى تسمية جهة وصل عن {party}", "الزميل العزيز،\n\nليس لـ{party} جهة وصل في استعراض {state}. وإلى حين تسميتها، تقوم البعثة الدائمة بدور جهة الوصل المؤقتة وتتلقى جميع المراسلات (الفقرة 18 من الإجراءات والقواعد). يُرجى إرسال التسمية إلى الأمانة بمذكرة شفوية.\n\nأمانة آلية استعراض التنفيذ"),
        _ZH: ("{state}的审议：请为{party}指定联络人", "尊敬的同事：\n\n{party}尚未为{state}的审议指定联络人。在指定之前，常驻代表团担任临时联络人并接收所有函件（程序和规则第18段）。请以普通照会将提名送交秘书处。\n\n实施情况审议机制秘书处"),
    }),
}
