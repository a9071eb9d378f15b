# العربية: النصوص التي يستخدمها التطبيق الكامل وحده؛ يتركها إصدار الأداة المصغّرة.

## إطار التطبيق

skip-to-content = الانتقال إلى المحتوى
nav-main = التنقّل الرئيسي
nav-dashboard = لوحة المعلومات
nav-task-manager = مدير المهام
sign-out = تسجيل الخروج
session-ended-title = انتهى تسجيل دخولك
session-ended-text = انتهى تسجيل دخولك. سجّل الدخول مرة أخرى للمتابعة: تبقى هذه الصفحة وما كتبته فيها كما هما. إذا رُفض شيء أرسلته لهذا السبب، فأرسله مرة أخرى بعد تسجيل الدخول.
session-ended-again = تسجيل الدخول مرة أخرى
session-ended-here = تسجيل الدخول في هذه الصفحة بدلًا من ذلك
session-ended-here-note = تسجيل الدخول في هذه الصفحة يغادرها: يضيع ما كتبته هنا.
language = اللغة
language-wait-for-run = يجري إجراء على عدة عناصر: يمكن تغيير اللغة بعد انتهائه (تغييرها يعيد تحميل الصفحة).
language-reloads = تغيير اللغة يعيد تحميل الصفحة: يضيع التحديد وأي شيء كُتب هنا ولم يُرسل بعد.

## مدير المهام: علامات التبويب والبحث والتصفية والترتيب والتحميل

tab = { $tab ->
    [pending] قيد الانتظار
   *[completed] مكتملة
}
find-label = { $tab ->
    [pending] البحث في المهام قيد الانتظار
   *[completed] البحث في المهام المكتملة
}
search = بحث
find-more = { $count ->
    [0] عوامل التصفية والعروض
   *[other] عوامل التصفية والعروض ({ $count })
}
filter-type = النوع
filter-type-all = كل الأنواع
filter-source = المصدر
filter-source-all = كل المصادر
filter-requester = مقدّم الطلب
filter-requester-all = أي شخص
filter-age = المدة
filter-age-all = أي مدة
filter-age-option = { $days ->
    [zero] تنتظر منذ { $days } يوم أو أكثر
    [one] تنتظر منذ يوم واحد أو أكثر
    [two] تنتظر منذ يومين أو أكثر
    [few] تنتظر منذ { $days } أيام أو أكثر
    [many] تنتظر منذ { $days } يومًا أو أكثر
   *[other] تنتظر منذ { $days } يوم أو أكثر
}
sort-by = الترتيب حسب
sort = { $by ->
    [newest] الأحدث أولًا
    [oldest] الأقدم أولًا
    [modified] المعدّلة مؤخرًا
    [modified-oldest] الأقدم تعديلًا
    [name] الاسم، من أ إلى ي
    [name-desc] الاسم، من ي إلى أ
    [type] النوع
   *[source] المصدر
}
progress-loading = تم تحميل { $loaded } من { $total }…
progress-stopped = تم تحميل { $loaded } من { $total }؛ توقّف التحميل.
progress-done = { $count ->
    [zero] لا توجد مهام
    [one] مهمة واحدة
    [two] مهمتان
    [few] { $count } مهام
    [many] { $count } مهمة
   *[other] { $count } مهمة
}
progress-filtered = عرض { $shown } من { $count }
work-items = المهام
tab-count-failed = { $tab ->
    [pending] تعذّر تحميل عدد المهام قيد الانتظار: { $reason }
   *[completed] تعذّر تحميل عدد المهام المكتملة: { $reason }
}
tab-counts-failed = تعذّر تحميل أعداد المهام: { $reason }

## الجدول والبطاقات

table-label = { $tab ->
    [pending] المهام قيد الانتظار
   *[completed] المهام المكتملة
}
column-type = النوع
column-name = الاسم
column-requester = مقدّم الطلب
column-identity-account = الهوية / الحساب
column-source = المصدر
column-completed = اكتملت
column-waiting = مدة الانتظار
column-actions = الإجراءات
column-outcome = النتيجة
# How the approval items of a completed work item were decided; the parts that are
# not zero are joined as a list ("2 approved, 1 rejected").
tally-approved = الموافق عليها: { $count }
tally-rejected = المرفوضة: { $count }
tally-undecided = دون قرار: { $count }
waited-under-a-minute = أقل من دقيقة
overdue = متأخرة
facet-sources = { $count ->
    [one] المصدر
   *[other] المصادر
}
facet-identities = { $count ->
    [one] الهوية
   *[other] الهويات
}
facet-accounts = { $count ->
    [one] الحساب
   *[other] الحسابات
}
facet-created = أُنشئت

## الإجراءات وتأكيدها

mark-complete = تعليم كمكتملة
complete-work-item = إكمال المهمة
confirm-complete-named = هل تريد تعليم «{ $name }» كمكتملة؟ ستنتقل من قيد الانتظار إلى المكتملة.
confirm-complete = هل تريد تعليم هذه المهمة كمكتملة؟ ستنتقل من قيد الانتظار إلى المكتملة.
go-to-approval-items = الانتقال إلى عناصر الموافقة
complete-after-approvals = { $count ->
    [zero] تكتمل هذه المهمة بالبتّ في عناصر الموافقة الخاصة بها.
    [one] تكتمل هذه المهمة بالبتّ في عنصر الموافقة الخاص بها.
    [two] تكتمل هذه المهمة بالبتّ في عنصرَي الموافقة الخاصين بها.
    [few] تكتمل هذه المهمة بالبتّ في عناصر الموافقة الخاصة بها، وعددها { $count }.
    [many] تكتمل هذه المهمة بالبتّ في عناصر الموافقة الخاصة بها، وعددها { $count }.
   *[other] تكتمل هذه المهمة بالبتّ في عناصر الموافقة الخاصة بها، وعددها { $count }.
}
cancel = إلغاء

## إعادة التوجيه

forward = إعادة توجيه
forward-title = إعادة توجيه المهمة
forward-to = إعادة التوجيه إلى (مطلوب)
forward-comment = تعليق (مطلوب)
forward-notify = إرسال الإشعارات
forward-error-target = اختر من القائمة الشخص الذي تريد إعادة التوجيه إليه.
forward-error-comment = اكتب تعليقًا للمالك الجديد.
forward-error-comment-long = التعليق طويل جدًا (عدد الأحرف: { $count }، والحد الأقصى: { $max }).
people = الأشخاص
people-searching = جارٍ البحث…
people-none-found = لم يُعثر على أحد.
people-found = { $count ->
    [zero] لم يُعثر على أحد.
    [one] عُثر على شخص واحد.
    [two] عُثر على شخصين.
    [few] عُثر على { $count } أشخاص.
    [many] عُثر على { $count } شخصًا.
   *[other] عُثر على { $count } شخص.
}
people-search-failed = فشل البحث: { $reason }

## القرارات

decide = { $decision ->
    [approve] موافقة
   *[reject] رفض
}
decide-all = { $decision ->
    [approve] الموافقة على الكل
   *[reject] رفض الكل
}
decide-title = { $decision ->
    [approve] { $count ->
        [one] الموافقة على العنصر
       *[other] الموافقة على العناصر
    }
   *[reject] { $count ->
        [one] رفض العنصر
       *[other] رفض العناصر
    }
}
confirm-decide-all = { $decision ->
    [approve] { $count ->
        [zero] لا توجد عناصر موافقة قيد الانتظار في هذه المهمة.
        [one] هل تريد الموافقة على عنصر الموافقة الوحيد قيد الانتظار في هذه المهمة؟
        [two] هل تريد الموافقة على عنصرَي الموافقة قيد الانتظار في هذه المهمة؟
        [few] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
        [many] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
       *[other] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
    }
   *[reject] { $count ->
        [zero] لا توجد عناصر موافقة قيد الانتظار في هذه المهمة.
        [one] هل تريد رفض عنصر الموافقة الوحيد قيد الانتظار في هذه المهمة؟
        [two] هل تريد رفض عنصرَي الموافقة قيد الانتظار في هذه المهمة؟
        [few] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
        [many] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
       *[other] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في هذه المهمة؟
    }
}
confirm-decide-all-named = { $decision ->
    [approve] { $count ->
        [zero] لا توجد عناصر موافقة قيد الانتظار في «{ $name }».
        [one] هل تريد الموافقة على عنصر الموافقة الوحيد قيد الانتظار في «{ $name }»؟
        [two] هل تريد الموافقة على عنصرَي الموافقة قيد الانتظار في «{ $name }»؟
        [few] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
        [many] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
       *[other] هل تريد الموافقة على كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
    }
   *[reject] { $count ->
        [zero] لا توجد عناصر موافقة قيد الانتظار في «{ $name }».
        [one] هل تريد رفض عنصر الموافقة الوحيد قيد الانتظار في «{ $name }»؟
        [two] هل تريد رفض عنصرَي الموافقة قيد الانتظار في «{ $name }»؟
        [few] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
        [many] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
       *[other] هل تريد رفض كل عناصر الموافقة الـ{ $count } قيد الانتظار في «{ $name }»؟
    }
}
confirm-decide = { $decision ->
    [approve] هل تريد الموافقة على «{ $label }»؟ يحسم هذا عنصر موافقة واحدًا.
   *[reject] هل تريد رفض «{ $label }»؟ يحسم هذا عنصر موافقة واحدًا.
}
items = { $count ->
    [zero] لا عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}

## ما حدث بعد الإجراء

failed-with-tracking = { $message } (معرّف التتبّع { $tracking })
refused-approvals-pending = { $count ->
    [zero] لا يمكن إكمال هذه المهمة بعد. وافق على عناصر الموافقة أو ارفضها أولًا.
    [one] لا يمكن إكمال هذه المهمة بعد: لا يزال عنصر واحد ينتظر قرارًا. وافق عليه أو ارفضه أولًا ضمن عناصر الموافقة.
    [two] لا يمكن إكمال هذه المهمة بعد: لا يزال عنصران ينتظران قرارًا. وافق عليهما أو ارفضهما أولًا ضمن عناصر الموافقة.
    [few] لا يمكن إكمال هذه المهمة بعد: لا تزال { $count } عناصر تنتظر قرارًا. وافق عليها أو ارفضها أولًا ضمن عناصر الموافقة.
    [many] لا يمكن إكمال هذه المهمة بعد: لا يزال { $count } عنصرًا ينتظر قرارًا. وافق عليها أو ارفضها أولًا ضمن عناصر الموافقة.
   *[other] لا يمكن إكمال هذه المهمة بعد: لا يزال { $count } عنصر ينتظر قرارًا. وافق عليها أو ارفضها أولًا ضمن عناصر الموافقة.
}
refused-already-done = { $action ->
    [decide] سبق البتّ في عنصر الموافقة هذا، ربما في نافذة أخرى. تعرض هذه الصفحة الآن الوضع الحالي.
    [decide-all] سبق البتّ في عناصر الموافقة هذه، ربما في نافذة أخرى. تعرض هذه الصفحة الآن الوضع الحالي.
   *[complete] سبق إكمال هذه المهمة، ربما على يد شخص آخر أو في نافذة أخرى. تعرض هذه الصفحة الآن وضعها الحالي.
}
refused-not-yours = لم تعد هذه المهمة من مسؤوليتك: ربما أُعيد توجيهها إلى شخص آخر. تعرض هذه الصفحة الآن وضعها الحالي.
refused-gone = لم تعد هذه المهمة (أو العنصر الذي تعاملت معه) موجودة. تعرض هذه الصفحة الآن ما تبقّى.
refused-invalid = لم ينجح ذلك: { $reason }
refused-invalid-plain = لم ينجح ذلك: رُفض الطلب.
reason-approvals-pending = { $count ->
    [zero] لا عناصر تنتظر قرارًا
    [one] لا يزال عنصر واحد ينتظر قرارًا
    [two] لا يزال عنصران ينتظران قرارًا
    [few] لا تزال { $count } عناصر تنتظر قرارًا
    [many] لا يزال { $count } عنصرًا ينتظر قرارًا
   *[other] لا يزال { $count } عنصر ينتظر قرارًا
}
reason-already-done = { $action ->
    [complete] سبق إكمالها، ربما على يد شخص آخر
   *[other] سبق البتّ فيها، ربما في نافذة أخرى
}
reason-not-yours = لم تعد من مسؤوليتك؛ ربما أُعيد توجيهها
reason-gone = لم تعد موجودة
reason-refused = رُفض الطلب
refused-because = مرفوض: { $reason }
done-complete = اكتملت «{ $name }». ستجدها ضمن المكتملة.
done-forward = أُعيد توجيه «{ $name }» إلى { $owner }.
decided-otherwise = { $what } ({ $count } قُرِّر بخلاف ذلك من قبل)
done-decide = { $decision ->
    [approve] تمت الموافقة على { $what } في «{ $name }».
   *[reject] تم رفض { $what } في «{ $name }».
}
done-decide-finished = { $decision ->
    [approve] تمت الموافقة على { $what } في «{ $name }». حُسمت كل العناصر، فستجدها ضمن المكتملة.
   *[reject] تم رفض { $what } في «{ $name }». حُسمت كل العناصر، فستجدها ضمن المكتملة.
}
done-submit = أُرسل اختيار الحساب لـ«{ $name }»: { $values }.
failed-action = { $action ->
    [forward] تعذّرت إعادة توجيه «{ $name }»: { $reason }
    [approve] تعذّرت الموافقة على { $what } في «{ $name }»: { $reason }
    [reject] تعذّر رفض { $what } في «{ $name }»: { $reason }
    [approve-all] تعذّرت الموافقة على عناصر «{ $name }»: { $reason }
    [reject-all] تعذّر رفض عناصر «{ $name }»: { $reason }
    [submit] تعذّر إرسال اختيار الحساب لـ«{ $name }»: { $reason }
   *[complete] تعذّر وضع علامة مكتمل على «{ $name }»: { $reason }
}

## العمل على عدة مهام دفعة واحدة

work-items-count = { $count ->
    [zero] لا توجد مهام
    [one] مهمة واحدة
    [two] مهمتان
    [few] { $count } مهام
    [many] { $count } مهمة
   *[other] { $count } مهمة
}
unfit-not-pending = لم تعد قيد الانتظار
unfit-has-form = فيها نموذج لاختيار الحساب؛ أرسله من صفحتها
unfit-approvals-pending = { $count ->
    [zero] لا عناصر موافقة تنتظر قرارًا
    [one] لا يزال عنصر موافقة واحد ينتظر قرارًا
    [two] لا يزال عنصرا موافقة ينتظران قرارًا
    [few] لا تزال { $count } عناصر موافقة تنتظر قرارًا
    [many] لا يزال { $count } عنصر موافقة ينتظر قرارًا
   *[other] لا يزال { $count } عنصر موافقة ينتظر قرارًا
}
unfit-no-approvals = ليس فيها عناصر موافقة تنتظر قرارًا
unfit-already-theirs = هي أصلًا لدى { $name }
unfit-busy = لا يزال إجراء عليها، أُرسل من صفحتها، في طريقه
bulk-fits-none = لا ينطبق «{ $action }» على أيٍّ من هذه المهام.
bulk-confirm = { $action ->
    [complete] { $count ->
        [zero] لا توجد مهام لتعليمها كمكتملة.
        [one] هل تريد تعليم مهمة واحدة كمكتملة؟
        [two] هل تريد تعليم مهمتين كمكتملتين؟
        [few] هل تريد تعليم { $count } مهام كمكتملة؟
        [many] هل تريد تعليم { $count } مهمة كمكتملة؟
       *[other] هل تريد تعليم { $count } مهمة كمكتملة؟
    }
    [approve] { $count ->
        [zero] لا توجد مهام للموافقة عليها.
        [one] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في مهمة واحدة؟
        [two] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في مهمتين؟
        [few] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في { $count } مهام؟
        [many] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في { $count } مهمة؟
       *[other] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في { $count } مهمة؟
    }
   *[reject] { $count ->
        [zero] لا توجد مهام لرفضها.
        [one] هل تريد رفض كل عناصر الموافقة قيد الانتظار في مهمة واحدة؟
        [two] هل تريد رفض كل عناصر الموافقة قيد الانتظار في مهمتين؟
        [few] هل تريد رفض كل عناصر الموافقة قيد الانتظار في { $count } مهام؟
        [many] هل تريد رفض كل عناصر الموافقة قيد الانتظار في { $count } مهمة؟
       *[other] هل تريد رفض كل عناصر الموافقة قيد الانتظار في { $count } مهمة؟
    }
}
bulk-confirm-one = { $action ->
    [complete] هل تريد تعليم «{ $name }» كمكتملة؟
    [approve] هل تريد الموافقة على كل عناصر الموافقة قيد الانتظار في «{ $name }»؟
   *[reject] هل تريد رفض كل عناصر الموافقة قيد الانتظار في «{ $name }»؟
}
bulk-confirm-forward-one = هل تريد إعادة توجيه «{ $name }» إلى { $owner }؟
bulk-confirm-forward = { $count ->
    [zero] لا توجد مهام لإعادة توجيهها إلى { $owner }.
    [one] هل تريد إعادة توجيه مهمة واحدة إلى { $owner }؟
    [two] هل تريد إعادة توجيه مهمتين إلى { $owner }؟
    [few] هل تريد إعادة توجيه { $count } مهام إلى { $owner }؟
    [many] هل تريد إعادة توجيه { $count } مهمة إلى { $owner }؟
   *[other] هل تريد إعادة توجيه { $count } مهمة إلى { $owner }؟
}
outcome-queued = في الانتظار
outcome-sending = جارٍ الإرسال…
outcome-forwarded = أُعيد توجيهها إلى { $owner }
outcome-done = { $action ->
    [complete] اكتملت
    [approve] { $count ->
        [zero] لم يُوافق على أي عنصر
        [one] تمت الموافقة على عنصر واحد
        [two] تمت الموافقة على عنصرين
        [few] تمت الموافقة على { $count } عناصر
        [many] تمت الموافقة على { $count } عنصرًا
       *[other] تمت الموافقة على { $count } عنصر
    }
   *[reject] { $count ->
        [zero] لم يُرفض أي عنصر
        [one] تم رفض عنصر واحد
        [two] تم رفض عنصرين
        [few] تم رفض { $count } عناصر
        [many] تم رفض { $count } عنصرًا
       *[other] تم رفض { $count } عنصر
    }
}
outcome-not-sent = لم تُرسل (أُلغيت)
bulk-running = { $doing ->
    [complete] جارٍ الإكمال… وصل الرد على { $answered } من { $total }.
    [approve] جارٍ الموافقة… وصل الرد على { $answered } من { $total }.
    [reject] جارٍ الرفض… وصل الرد على { $answered } من { $total }.
    [forward] جارٍ إعادة التوجيه… وصل الرد على { $answered } من { $total }.
   *[cancel] جارٍ الإلغاء… وصل الرد على { $answered } من { $total }.
}
bulk-done = تمّ: { $count }
bulk-refused = مرفوض: { $count }
bulk-failed = فشل: { $count }
bulk-not-sent = لم يُرسل: { $count }
bulk-finished = انتهى: { $parts }.
bulk-ended-elsewhere = { $action }، { $items }: { $parts }. النتائج في مدير المهام.
bulk-ended-elsewhere-retry = { $action }، { $items }: { $parts }. افتح مدير المهام لإعادة محاولة ما فشل.
bulk-label = المهام المحددة
bulk-selected = المحدد: { $count }
bulk-select-all = تحديد كل المطابقات ({ $count })
bulk-clear = مسح التحديد
select-item = تحديد { $name }
select-group = تحديد كل المهام في { $name }
shortcuts = اختصارات لوحة المفاتيح
key-enter = إدخال
key-escape = هروب (Esc)
current-row = { $name }، { $at } من { $total }
current-row-selected = { $name }، { $at } من { $total }، محددة
forward-title-many = { $count ->
    [zero] إعادة توجيه المهام
    [one] إعادة توجيه مهمة واحدة
    [two] إعادة توجيه مهمتين
    [few] إعادة توجيه { $count } مهام
    [many] إعادة توجيه { $count } مهمة
   *[other] إعادة توجيه { $count } مهمة
}
bulk-confirm-title = { $action }: تأكيد
bulk-unfit = { $count ->
    [zero] لا توجد مهام مستبعدة:
    [one] مهمة واحدة لا يمكن تطبيق ذلك عليها:
    [two] مهمتان لا يمكن تطبيق ذلك عليهما:
    [few] { $count } مهام لا يمكن تطبيق ذلك عليها:
    [many] { $count } مهمة لا يمكن تطبيق ذلك عليها:
   *[other] { $count } مهمة لا يمكن تطبيق ذلك عليها:
}
bulk-left-out = المهام المستبعدة
close = إغلاق
cancelling = جارٍ الإلغاء…
bulk-action = إجراء جماعي
bulk-results-title = { $action }: النتائج
progress = التقدّم
results = النتائج
retry-failed = إعادة محاولة ما فشل
shortcuts-single-keys = اختصارات المفتاح الواحد
shortcuts-single-keys-off = متوقفة: لا يعمل إلا ↓ ↑ و«إدخال» و«هروب». يمكن تشغيلها من جديد هنا (يفتح زر «اختصارات لوحة المفاتيح» هذه القائمة).
shortcut = { $what ->
    [next] المهمة التالية
    [previous] المهمة السابقة
    [select] تحديد المهمة الحالية أو إلغاء تحديدها
    [open] فتح المهمة الحالية
    [clear] مسح التحديد، أو الرجوع
    [complete] تعليم كمكتملة (المحدد، وإلا فالمهمة الحالية)
    [approve] الموافقة على الكل (المحدد، وإلا فالمهمة الحالية)
    [reject] رفض الكل (المحدد، وإلا فالمهمة الحالية)
    [forward] إعادة توجيه (المحدد، وإلا فالمهمة الحالية)
    [search] بحث
   *[help] عرض هذه الاختصارات
}

## سجلّ صفحة التفاصيل

history = السجلّ
history-omitted = { $count ->
    [zero] لا تُعرض أي تغييرات سابقة.
    [one] لا يُعرض تغيير سابق واحد.
    [two] لا يُعرض تغييران سابقان.
    [few] لا تُعرض { $count } تغييرات سابقة.
    [many] لا يُعرض { $count } تغييرًا سابقًا.
   *[other] لا يُعرض { $count } تغيير سابق.
}
history-someone = شخص ما
history-someone-else = شخص آخر
history-event = { $action ->
    [Completed] علّمها { $who } كمكتملة
    [Forwarded] أعاد { $who } توجيهها إلى { $whom }
    [Approved] وافق { $who } على عنصر
    [Rejected] رفض { $who } عنصرًا
    [ApprovedAll] وافق { $who } على كل العناصر
    [RejectedAll] رفض { $who } كل العناصر
    [AccountSelectionSubmitted] أرسل { $who } النموذج
   *[changed] غيّرها { $who }
}
history-other = { $who }: «{ $action }»

## العرض بصفة شخص آخر، والعمل الجديد

viewing-as-now = تُعرض الآن مهام { $name }.
viewing-own = تُعرض الآن مهامك أنت.
back-to-my-tasks = العودة إلى مهامي
view-as = العرض بصفة
find = بحث
matching-identities = الهويات المطابقة
view-as-person = العرض بصفة { $name }
show = عرض
list-changed = عولج بعض عناصر العمل هذه في مكان آخر
new-items = { $count ->
    [zero] لا مهام جديدة
    [one] مهمة جديدة واحدة
    [two] مهمتان جديدتان
    [few] { $count } مهام جديدة
    [many] { $count } مهمة جديدة
   *[other] { $count } مهمة جديدة
}
title-with-count = ({ $count }) مهامي
title-page = { $page } · مهامي
title-page-with-count = ({ $count }) { $page } · مهامي
title-task-manager = { $tab ->
    [pending] قيد الانتظار · مدير المهام
   *[completed] مكتملة · مدير المهام
}
dismiss = إغلاق

## تسجيل الدخول، والصفحات غير الموجودة

loading-session = جارٍ تحميل جلستك…
sign-in-incomplete = لم يكتمل تسجيل الدخول.
signed-in-close = تم تسجيل الدخول. يمكنك إغلاق هذه النافذة.
sign-in-widget-gone = الأداة المصغّرة التي طلبت تسجيل الدخول هذا لم تعد موجودة. عُد إليها وسجّل الدخول من جديد.
not-found-title = الصفحة غير موجودة
not-found-text = لا يوجد شيء على هذا العنوان.
go-to-dashboard = الانتقال إلى لوحة المعلومات
back-to-task-manager = → العودة إلى مدير المهام

## صفحة التفاصيل

loading-work-item = جارٍ تحميل المهمة…
detail-not-found-before = لا توجد مهمة بالمعرّف
detail-not-found-after = ، أو ليس مسموحًا لك برؤيتها.
detail-go-to-pending = الانتقال إلى مهامك قيد الانتظار
detail-not-yours-title = هذه المهمة ليست لك
detail-not-yours-before = المهمة ذات المعرّف
detail-not-yours-after = تخص شخصًا آخر الآن: ربما أُعيد توجيهها إليه.
approval-item = عنصر
approval-label = { $what } في { $application }
approval-items = عناصر الموافقة ({ $count })
remediation-items = عناصر المعالجة ({ $count })
form = النموذج
form-chosen = ما تم اختياره
errors = الأخطاء
field-state = الحالة
field-type = النوع
field-owner = المالك
field-requester = مقدّم الطلب
field-created = أُنشئت
field-modified = عُدّلت
field-completed = اكتملت
field-items = العناصر
field-id = المعرّف
field-application = التطبيق
field-account = الحساب
field-attribute = السمة
field-operation = العملية
# An operation the API names (an approval item's, a remediation item's); one it does
# not know is shown as the API wrote it.
operation-value = { $op ->
    [add] إضافة
    [remove] إزالة
    [create] إنشاء
    [delete] حذف
    [update] تحديث
    [set] تعيين
    [enable] تمكين
    [disable] تعطيل
    [unlock] إلغاء القفل
   *[other] { $raw }
}
# A tab's count that could not be loaded.
count-unknown = ؟
field-value = القيمة
field-identity = الهوية
item-state = { $state ->
    [Finished] منتهية
    [Rejected] مرفوضة
    [Returned] مُعادة
    [Expired] منتهية الصلاحية
    [Pending] قيد الانتظار
    [Canceled] ملغاة
   *[other] { $state }
}
# An approval item's state: the API calls an approved one Finished.
approval-state = { $state ->
    [Finished] موافق عليه
    [Rejected] مرفوض
    [Returned] مُعاد
    [Expired] منتهي الصلاحية
    [Pending] قيد الانتظار
    [Canceled] ملغى
   *[other] { $state }
}

## مدير المهام: حالات القائمة، والعروض المحفوظة، والتصدير

no-such-tab = لا توجد علامة تبويب بهذا الاسم.
no-match = لا توجد مهام مطابقة.
clear-filters = مسح عوامل التصفية
tab-empty = { $tab ->
    [pending] لا توجد مهام قيد الانتظار. لا شيء في انتظارك.
   *[completed] لا توجد مهام مكتملة بعد.
}
show-more = عرض المزيد
description-whole = عرض الوصف كاملًا
description-less = عرض جزء أقل من الوصف
views-name-first = أعطِ العرض اسمًا أولًا.
views-saved = حُفظ العرض «{ $name }».
views-replace-ask = يوجد عرض باسم «{ $name }» بالفعل. احفظ مرة أخرى لاستبداله.
views-replaced = استُبدل العرض «{ $name }».
views-cannot-save = لا يسمح هذا المتصفح للتطبيق بحفظ العروض.
views-delete = حذف العرض
views-delete-title = حذف عرض محفوظ
views-delete-ask = هل تريد حذف العرض المحفوظ «{ $name }» من هذا المتصفح؟ تبقى القائمة المعروضة كما هي.
views-deleted = حُذف العرض «{ $name }».
download-refused = رفض المتصفح التنزيل.
views-saved-label = العروض المحفوظة
views-none = لا عروض محفوظة بعد
views-choose = اختر عرضًا
views-name = اسم العرض
views-save = حفظ العرض
export-csv = تصدير CSV
export-json = تصدير JSON
export-partial = يحتوي الملف على ما تم تحميله فقط: { $loaded } من { $total }.
export-csv-separator = {","}
# سطر العناوين في تصدير CSV.
export-column-id = المعرّف
export-column-name = الاسم
export-column-type = النوع
export-column-state = الحالة
export-column-requester = مقدّم الطلب
export-column-identities = الهويات
export-column-accounts = الحسابات
export-column-sources = المصادر
export-column-created = أُنشئت
export-column-modified = عُدّلت
export-column-completed = اكتملت
export-column-description = الوصف

## نموذج اختيار الحساب

form-needs-attention = { $count ->
    [zero] لا حقول تحتاج إلى انتباهك.
    [one] حقل واحد يحتاج إلى انتباهك.
    [two] حقلان يحتاجان إلى انتباهك.
    [few] { $count } حقول تحتاج إلى انتباهك.
    [many] { $count } حقلًا يحتاج إلى انتباهك.
   *[other] { $count } حقل يحتاج إلى انتباهك.
}
form-for = لـ
submit = إرسال
submit-confirm-title = إرسال اختيار الحساب
submit-confirm = إرسال هذه الاختيارات: { $values }؟ لا يمكن التراجع عن ذلك.
submit-confirm-empty = إرسال اختيار الحساب دون أي اختيار؟ لا يمكن التراجع عن ذلك.
form-unknown-item = عنصر نموذج غير معروف
form-unknown-field = { $label } (النوع «{ $kind }»، للقراءة فقط)
choose = اختر…
form-check-required = حدّد «{ $label }» للمتابعة.
form-required = «{ $label }» مطلوب.
form-choose-listed = اختر إحدى القيم المدرجة لـ«{ $label }».
form-too-long = «{ $label }» طويل جدًا (عدد الأحرف: { $count }، والحد الأقصى: { $max }).
form-field-required = { $label } (مطلوب)
the-work-item = المهمة
detail-not-found-title = المهمة غير موجودة
none = لا شيء.

## التجميع

group-by = التجميع حسب
group = { $by ->
    [none] بلا تجميع
    [type] النوع
    [source] المصدر
    [requester] مقدّم الطلب
   *[age] المدة
}
age-band = { $band ->
    [today] أقل من يوم
    [week] أقل من أسبوع
    [month] أقل من شهر
    [older] أقدم
   *[overdue] متأخرة
}
group-no-type = بلا نوع
group-no-source = بلا مصدر
group-no-requester = بلا مقدّم طلب
