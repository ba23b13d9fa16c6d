"""The words of execution rulings: one home for every keyword list the analysis reads.

Patterns apply to the *normalised* text (:func:`termination.analysis.parsing.normalize`:
half-width digits and punctuation). :data:`KEYWORDS` — every literal measure keyword — also
feeds the jieba tokenizer (:mod:`termination.analysis.segment`), so the negation check sees
each keyword as one token.
"""

from __future__ import annotations

import re

from termination.analysis.models import MeasureCode, Role

# ---------------------------------------------------------------- measures (终本规定第一条、第三条)

#: measure code → alternation (literal keywords first, then narrative forms)
MEASURES: tuple[tuple[MeasureCode, str], ...] = (
    ("enforcement_notice", r"执行通知书|执行通知"),
    ("report_order", r"报告财产令|财产报告令|申报财产令|报告财产通知书|报告财产|申报财产|财产申报"),
    (
        "network_inquiry",
        (r"网络执行查控系统|执行网络查控系统|网络查控系统|网络执行查控|网络查控|执行查控系统|查控系统|"
        r"总对总|点对点|网络查询|网上查询|鹰眼查控|"
        # the court's own property inquiry without naming the system (财产调查规定第一条: 网络查控)
        r"(?:对|就)被执行人(?:名下)?的?[^,。;]{0,16}?(?:财产|存款|车辆|房产|不动产|证券|账户)(?:情况)?"
        r"[^,。;]{0,6}?(?:进行了|进行|予以|作了|依法)?(?:查询|查控)|"
        r"查询(?:了)?被执行人(?:名下)?的?[^,。;]{0,12}?(?:财产|存款|车辆|房产|不动产|证券)|"
        r"经(?:网络)?查询\s*,?\s*被执行人[^,。;]{0,8}?名下"),
    ),
    (
        "onsite_investigation",
        (r"现场调查|实地调查|实地走访|实地查看|现场查看|现场勘查|实地勘查|入户调查|走访调查|上门调查|走访|"
        r"(?:到|至|前往|赴)被执行人[^,。;]{0,24}?(?:住所|住处|户籍地|居住地|经营场所|注册地|家中|所在地|"
        r"办公场所|营业场所|厂区)[^,。;]{0,10}?(?:调查|查看|查找|走访|寻找|查访|了解|核实|勘查|执行)"),
    ),
    (
        "consumption_restriction",
        (r"限制消费令|限制高消费令|限制高消费|限制消费|限高令|限高|限消|"
        r"限制(?:其|被执行人|各被执行人|该公司|其法定代表人)[^,。;]{0,8}?高?消费"),
    ),
    ("dishonest_list", r"失信被执行人名单|失信被执行人|失信名单|失信人员名单"),
    ("fine", r"罚款"),
    ("detention", r"司法拘留|拘留"),
    ("search", r"搜查令|搜查"),
    ("reward", r"悬赏公告|执行悬赏|悬赏"),
    ("audit", r"司法审计|审计"),
)
MEASURE_RE = re.compile("|".join(f"(?P<{code}>{pat})" for code, pat in MEASURES))

#: every literal keyword of :data:`MEASURES` (jieba keeps each one whole)
KEYWORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        word
        for _, pattern in MEASURES
        for word in pattern.split("|")
        if word and not re.search(r"[\\()\[\]{}?*+.^$]", word)
    )
)

#: Other acts of execution told in prose without a measure keyword (查封…网络冻结…经司法查询):
#: they state the course of execution (终本规定第六条第一款第（二）项) without being one of the
#: measures the record lists.
PROCESS_ACT_RE = re.compile(
    r"查封|扣押|冻结|扣划|划扣|划拨|扣留|提取|拍卖|变卖|评估|以物抵债|"
    r"(?:司法|依法|网络|依职权)?(?:查询|调查|核查)|四查|传唤|询问|发出[^,。;]{0,8}?(?:通知|令|决定)"
)
#: a sentence that tells what was done during execution (not the law, not the order)
PROCESS_CONTEXT_RE = re.compile(
    r"执行(?:过程)?中|执行期间|立案(?:执行)?后|(?:本院|法院|执行法官|承办人员?|执行人员)(?:依法|先后|已|依职权)?|"
    r"经(?:法院|本院)?|通过|向被执行人|对被执行人|于\d{4}年"
)

# ---------------------------------------------------------------- 告知申请执行人 (终本规定第五条)

INFORM_RE = re.compile(
    r"(?:告知|约谈|询问|征求|征询|听取|释明|告诉|通知)[^。;,]{0,12}?申请执行人|"
    r"向申请执行人[^。;]{0,12}?(?:告知|释明|送达|说明)|"
    r"与申请执行人[^。;]{0,12}?(?:约谈|谈话|沟通|面谈|座谈)|(?:约谈|谈话)笔录|"
    # what the applicant said or did (older rulings call the applicant 申请人); one prefix for
    # every form, so the scan enters this branch once per 申请
    r"申请(?:执行人(?<!被申请执行人)|人(?<!被申请人))(?:"
    r"[^。;]{0,30}?(?:同意|申请|确认|无异议|没有异议|不持异议)[^。;]{0,12}?(?:终结[^。;,]{0,16}?本次执行|终本)|"
    r"[^。;]{0,20}?终结本次执行程序(?:的)?申请|"
    # 在申请执行人签字确认 (民诉法解释第五百一十七条): the applicant confirmed what was found
    r"[^。;,]{0,10}?(?:签字)?确认|"
    r"[^。;,]{0,10}?(?:在|于)(?:约谈|谈话|询问)|"
    r"[^。;]{0,16}?(?:接受|参加|到庭|到院|到本院|来院)[^。;]{0,6}?(?:约谈|谈话|询问)|"
    r"[^。;,]{0,10}?对(?:本案)?终结本次执行(?:程序)?[^。;,]{0,6}?(?:异议|意见))"
)
#: an inquiry about something else is not the 终本 约谈: whether to transfer the case to
#: bankruptcy review (执转破意见第四条), or to accept property in lieu of payment
INFORM_OTHER_RE = re.compile(r"破产|以物抵债|抵债")

# ---------------------------------------------------------------- acts versus warnings and negations

#: a clause that states a condition, a possibility or a duty rather than an act
WARN_RE = re.compile(
    r"将(?:依法|予以|会|对|视|追究|根据|依照|按照|被(?!执行人|申请))|依法追究|情节轻重|可以|可依法|(?<![例比])如(?![下实期数约今同])|若|否则|一旦|"
    r"继续有效|仍然有效|不影响|应当"
)
#: a measure named as the content of a warning is no act: …并告知…纳入失信被执行人名单的风险 (after
#: the keyword, within its enumeration item) / 可能被…拘留 (before it); a 风险告知书 sent is an act
WARNED_AFTER_RE = re.compile(r"[^,。;、]{0,8}?的(?:法律)?(?:风险|后果)")
WARNED_BEFORE_RE = re.compile(r"(?:可能|或将|将会)(?:被|会)?[^,。;]{0,6}$")
#: what a party asked for is not yet done: 申请执行人书面申请发布悬赏公告 / 申请审计被执行人
REQUESTED_BEFORE_RE = re.compile(r"申请(?!执行人)[^,。;]{0,8}$")
#: …but 经申请执行人申请发布悬赏公告 / 依申请 / 根据申请 is the court acting on the application
ON_APPLICATION_RE = re.compile(r"(?:经|依|根据|应|按)[^,。;]{0,10}$")
NEGATIONS = frozenset(
    {"未", "没有", "并未", "尚未", "暂未", "无法", "不能", "不予", "未予", "无须", "无需", "不再", "不",
     "未曾", "从未", "均未", "亦未", "也未", "无", "未能将"}
)
NEG_CHARS = re.compile(r"[未没无不]")
NEG_EXEMPT = frozenset({"按", "按照", "依", "依照", "根据", "遵守", "履行", "违反", "收到", "接到", "依据"})

# ---------------------------------------------------------------- the rights statement (第六条第一款第（五）项)

#: the applicant's half: to demand continued performance, to apply again / for 恢复执行
RIGHT_RE = re.compile(
    r"恢复(?:对本案的)?执行|(?:再次|重新|另行)申请(?:强制)?执行|随时[^。;]{0,10}?(?:请求|申请)[^。;]{0,6}?执行|"
    r"要求被执行人继续履行|(?:可以|可|有权)(?:向本院|向人民法院|向执行法院|向有管辖权的(?:人民)?法院)?(?:申请|请求)(?:强制)?执行(?!人)|"
    # 可以申请继续执行 / 可以申请本院继续执行 (from 继续, a rarer start than 申请)
    r"继续执行(?:(?<=申请继续执行|请求继续执行)|(?<=申请本院继续执行|请求本院继续执行|申请法院继续执行|请求法院继续执行)|"
    r"(?<=申请人民法院继续执行|请求人民法院继续执行|申请执行法院继续执行|请求执行法院继续执行))"
)
MODAL_RE = re.compile(r"可以|(?<!不)可(?!供|能|执行)|有权|享有|不受")
#: the respondent's half: a continuing duty to perform (继续 / 仍 marks it as lasting beyond 终本)
DUTY_RE = re.compile(
    r"被执行人[^。;]{0,16}?(?:负有|仍负有|仍应|仍须|仍需|应当|应|须)[^。;]{0,8}?(?:继续|仍)[^。;]{0,12}?(?:履行|清偿|偿还|支付)|"
    r"被执行人[^。;]{0,16}?(?:仍|继续)(?:负有|应当|应|须|需)?[^。;]{0,8}?(?:履行|清偿|偿还)[^。;]{0,12}?(?:义务|债务)|"
    r"继续(?:向申请执行人)?履行(?:债务|还款|给付|清偿)?(?:的)?义务|"
    # 终本不免除被执行人的履行义务 / 不能免除被执行人的清偿义务 / 被执行人的还款义务不因终结本次
    # 执行程序而消灭 / 被执行人履行生效法律文书确定的义务并未消灭
    r"(?:不|未)(?:能|得|会)?(?:因[^。;]{0,12}?)?而?(?:免除|消灭|解除)[^。;]{0,8}?被执行人[^。;]{0,8}?(?:义务|债务)|"
    r"被执行人(?:[^。;]{0,10}?|履行[^。;]{0,14}?)(?:义务|债务)[^。;]{0,4}?(?:不|未)(?:能|会)?(?:因[^。;]{0,12}?)?而?(?:免除|消灭|解除)"
)

# ---------------------------------------------------------------- parties

ROLES = (
    "申请执行人|被执行人|被申请人|复议申请人|申请复议人|被申诉人|申诉人|申请人|异议人|案外人|"
    "共同委托诉讼代理人|共同委托代理人|"
    "委托诉讼代理人|委托代理人|特别授权代理人|诉讼代理人|指定代理人|法定代理人|代理人|法定代表人|"
    "诉讼代表人|负责人|经营者|投资人|执行事务合伙人|委派代表"
)
#: Roles in an objection, review or supervision case (执异、执复、执监): the party's role in the
#: execution follows in brackets — 异议人（申请执行人）, 申诉人（被执行人） — and is the one that counts.
PROCEDURAL_ROLES = frozenset({"异议人", "复议申请人", "申请复议人", "申诉人", "被申诉人", "案外人"})
ROLE_MAP: dict[str, Role] = {
    "申请执行人": "applicant", "申请人": "applicant",
    "被执行人": "respondent", "被申请人": "respondent",
    "法定代表人": "legal_representative", "法定代理人": "legal_representative",
    "诉讼代表人": "legal_representative", "负责人": "legal_representative",
    "经营者": "legal_representative", "投资人": "legal_representative",
    "执行事务合伙人": "legal_representative", "委派代表": "legal_representative",
}
ORG_RE = re.compile(
    r"(?:公司|有限|合伙|集团|银行|信用社|合作社|委员会|事务所|研究所|研究院|中心|学校|学院|大学|中学|小学|"
    r"医院|卫生院|协会|商会|基金会|商行|商店|超市|酒店|宾馆|经营部|门市部|营业部|办事处|工作室|俱乐部|"
    r"幼儿园|政府|企业|联社|工厂|厂|分行|支行)"
)
ORG_TAIL_RE = re.compile(r"(?:局|处|所|院|站|社|店|场|部|队)$")
#: 案由 words: where a party name ends in 申请执行人甲与被执行人乙借款合同纠纷一案
CAUSE_RE = re.compile(
    r"民间借贷|金融借款|小额借款|借款|借贷|买卖|融资租赁|租赁|建设工程|装饰装修|劳务|劳动|追偿权|"
    r"机动车交通事故|交通事故|生命权|健康权|身体权|离婚|抚养|赡养|物业服务|服务合同|承揽|运输|不当得利|"
    r"股权转让|合伙|合同|侵权|保证|票据|信用卡|名誉权|财产损害|追索劳动报酬|培训|欠款|债权转让|返还|赔偿|"
    r"公证文书|行政非诉|罚金|社会抚养费"
)
