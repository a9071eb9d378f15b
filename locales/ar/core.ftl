# العربية: نصوص الإصدارين (الأداة المصغّرة والتطبيق الكامل). يكتب Intl في المتصفح
# الأرقام؛ وتختار الأعداد صيغة الجمع وفق قواعد CLDR (صفر، مفرد، مثنى، قليل، كثير، غير ذلك).

app-name = مهامي

## التحميل والأخطاء

loading-app = جارٍ تحميل مهامي…
loading-counts = جارٍ تحميل الأعداد…
loading-overdue = جارٍ عدّ المهام المتأخرة…
loading-work-items = جارٍ تحميل المهام…
error-title = حدث خطأ ما.
error-session-ended = انتهت جلستك. جارٍ تسجيل دخولك من جديد…
error-tracking-id = معرّف التتبّع:
retry = إعادة المحاولة
server-busy-waiting = الخادم مشغول. ستُعاد المحاولة بعد { $seconds } ث…

## الأداة المصغّرة

widget-waiting-longest = الأطول انتظارًا
widget-see-all = عرض كل المهام
viewing-as = العرض بصفة
widget-counts-label = أعداد المهام
widget-open = مفتوحة
widget-completed = مكتملة
widget-total = الإجمالي
widget-nothing-waiting = لا شيء في انتظارك.
widget-none-overdue = { $days ->
    [zero] لا توجد مهمة متأخرة.
    [one] لا شيء ينتظر منذ أكثر من يوم واحد.
    [two] لا شيء ينتظر منذ أكثر من يومين.
    [few] لا شيء ينتظر منذ أكثر من { $days } أيام.
    [many] لا شيء ينتظر منذ أكثر من { $days } يومًا.
   *[other] لا شيء ينتظر منذ أكثر من { $days } يوم.
}
widget-overdue = { $days ->
    [zero] { $count } متأخرة
    [one] { $count } متأخرة (تنتظر منذ أكثر من يوم واحد)
    [two] { $count } متأخرة (تنتظر منذ أكثر من يومين)
    [few] { $count } متأخرة (تنتظر منذ أكثر من { $days } أيام)
    [many] { $count } متأخرة (تنتظر منذ أكثر من { $days } يومًا)
   *[other] { $count } متأخرة (تنتظر منذ أكثر من { $days } يوم)
}
widget-overdue-more = { $days ->
    [zero] { $count }+ متأخرة
    [one] { $count }+ متأخرة (تنتظر منذ أكثر من يوم واحد)
    [two] { $count }+ متأخرة (تنتظر منذ أكثر من يومين)
    [few] { $count }+ متأخرة (تنتظر منذ أكثر من { $days } أيام)
    [many] { $count }+ متأخرة (تنتظر منذ أكثر من { $days } يومًا)
   *[other] { $count }+ متأخرة (تنتظر منذ أكثر من { $days } يوم)
}

## بدء التشغيل

cannot-start = تعذّر بدء تشغيل مهامي
cannot-start-hint = اطلب ممّن نشر هذا التطبيق أن يصلح ملف config.json الخاص به.
config-unreachable = تعذّر تحميل config.json: لم يردّ الخادم.
config-status = تعذّر تحميل config.json (HTTP { $status }).
config-malformed = { $what ->
    [syntax] ملف config.json ليس JSON صالحًا (انظر السطر { $at }).
    [truncated] ينتهي ملف config.json قبل أن يكتمل الـ JSON (السطر { $at }).
   *[shape] في ملف config.json مفتاح غير معروف أو قيمة من نوع خاطئ في السطر { $at }.
}
config-api-base-url = يجب أن يكون apiBaseUrl فارغًا (أصل التطبيق نفسه) أو عنوان http:// أو https://‏ مثل https://acme.api.identitynow.com، لا «{ $detail }».
config-auth-mode = يجب أن تكون قيمة auth.mode «pkce» أو «proxy»، لا «{ $detail }».
config-auth-required = الإعداد auth.{ $name } مطلوب عندما تكون قيمة auth.mode «pkce».
config-host-origin = يجب أن يحتوي embed.hostOrigins على أصول مثل https://dashboard.example، لا «{ $detail }».
config-work-items-path = يجب أن تكون قيمة workItemsPath «/v2024» أو «/work-items/v1»، لا «{ $detail }».
config-stale-after-days = يجب أن تكون قيمة staleAfterDays عددًا صحيحًا من الأيام بين 1 و3650، لا { $detail }.
config-poll-seconds = يجب أن تكون قيمة pollSeconds عددًا صحيحًا من الثواني بين 0 (بلا استطلاع) و86400، لا { $detail }.
config-locale = يجب أن يسمّي locale لغة يتحدّثها التطبيق: «en» أو «de» أو «ar» (وقد تليها منطقة، كما في «de-CH»)، لا «{ $detail }».

## تسجيل الدخول

sign-in-title = سجّل الدخول إلى مهامي
sign-in-lead = اطّلع على المهام التي تنتظرك في Identity Security Cloud وتعامل معها.
sign-in = تسجيل الدخول
signing-in = جارٍ تسجيل الدخول…
sign-in-no-code = لا يحتوي ردّ تسجيل الدخول على رمز.
sign-in-no-crypto = لا يستطيع هذا المتصفح تسجيل الدخول بأمان (لا يدعم Web Crypto). افتح مهامي عبر HTTPS أو في متصفح حديث.
sign-in-no-storage = لم يتمكّن هذا المتصفح من حفظ حالة تسجيل الدخول.
sign-in-popup-blocked = حظر المتصفح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة لهذه الصفحة، أو افتح مهامي في علامة تبويب مستقلة.
sign-in-popup-closed = أُغلقت نافذة تسجيل الدخول قبل إتمام الدخول.
sign-in-refused = لم يكتمل تسجيل الدخول: { $reason }
sign-in-not-here = هذا التطبيق لا يسجّل الدخول بنفسه.
sign-in-unreadable = أرسلت نافذة تسجيل الدخول ردًّا تعذّرت قراءته.
sign-in-state-mismatch = ردّ تسجيل الدخول لا يطابق الطلب (state).
sign-in-not-started = لم يبدأ تسجيل الدخول هذا هنا، أو سبق استخدامه.

## المهام

item-no-name = (بلا اسم)
work-item-type = { $kind ->
    [Generic] عامة
    [Certification] اعتماد
    [Remediation] معالجة
    [Delegation] تفويض
    [Approval] موافقة
    [ViolationReview] مراجعة مخالفة
    [Form] نموذج
    [PolicyViolation] مخالفة سياسة
    [Challenge] اعتراض
    [ImpactAnalysis] تحليل الأثر
    [Signoff] مصادقة
    [Event] حدث
    [ManualAction] إجراء يدوي
    [Test] اختبار
   *[other] { $kind }
}

## ما قالته واجهة API

api-network = تعذّر الوصول إلى الخادم. تحقّق من الاتصال وحاول مجددًا.
api-decode = أرسل الخادم ردًّا تعذّرت قراءته.
api-rate-limited = طلبات كثيرة جدًا.
api-try-again = { $message } حاول مجددًا بعد { $seconds } ث.
api-bad-request = رُفض الطلب.
api-unauthorized = انتهت جلستك.
api-forbidden = غير مسموح لك بذلك.
api-not-found = غير موجود.
api-server = فشل الخادم (HTTP { $status }).

# Between the items of a list: identities, accounts, sources.
list-separator = {"، "}
