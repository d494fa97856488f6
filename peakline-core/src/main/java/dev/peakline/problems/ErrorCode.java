package dev.peakline.problems;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every error the platform answers with: a stable code (the {@code code} of a Problem Details body and
 * the last segment of its {@code type}), its kind (which the web layer maps to an HTTP status), and its title in Chinese
 * and English. {@code docs/errors.md} lists every code; a test fails when one is missing there.
 */
public enum ErrorCode {
    // the request as a whole
    MALFORMED("malformed", Kind.MALFORMED, "请求无法读取（格式错误或缺少参数）", "The request cannot be read"),
    INVALID("invalid", Kind.INVALID, "请求内容有误", "The request is invalid"),
    METHOD("method", Kind.METHOD, "不支持该请求方法", "Method not allowed"),
    NOT_FOUND("not_found", Kind.NOT_FOUND, "未找到", "Not found"),
    CONFLICT("conflict", Kind.CONFLICT, "与已保存的数据冲突", "Conflicts with stored data"),
    STATE("state", Kind.CONFLICT, "当前状态不允许此操作", "The current state forbids this step"),
    INTERNAL("internal", Kind.INTERNAL, "服务器内部错误，请凭错误编号联系管理员", "Internal error; quote the error id"),
    // who may do what
    AUTH_REQUIRED("auth.required", Kind.UNAUTHENTICATED, "请先登录或提供令牌", "Sign in or send a bearer token"),
    AUTH_FAILED("auth.failed", Kind.UNAUTHENTICATED, "用户名或密码错误", "Wrong username or password"),
    AUTH_TOKEN("auth.token", Kind.UNAUTHENTICATED, "令牌无效、已过期或已撤销", "The token is invalid, expired or revoked"),
    AUTH_THROTTLED("auth.throttled", Kind.TOO_MANY, "登录失败次数过多，请稍后再试", "Too many failed sign-ins; wait"),
    CSRF_OR_ACCESS(
            "csrf.or.access", Kind.FORBIDDEN, "请求被拒绝：安全令牌缺失或已过期，或无权访问", "Refused: missing CSRF token or no access"),
    SCOPE_DENIED("scope.denied", Kind.FORBIDDEN, "超出您的权限范围", "Outside your scope"),
    TOKEN_NAME("token.name", Kind.INVALID, "令牌名称应为 1–100 个字符", "A token name has 1–100 characters"),
    TOKEN_DAYS("token.days", Kind.INVALID, "令牌有效期为 1–365 天", "A token lives 1–365 days"),
    TOKEN_EXISTS("token.exists", Kind.CONFLICT, "已有同名的有效令牌，请换一个名称或先撤销它", "An unrevoked token has that name"),
    USERNAME_TAKEN("username.taken", Kind.CONFLICT, "用户名已被占用", "The username is taken"),
    // common parameters
    YEAR("year", Kind.INVALID, "年份应在 2000–2100 之间", "The year must be 2000–2100"),
    MONTH("month", Kind.INVALID, "月份应在 1–12 之间", "The month must be 1–12"),
    PERIOD("period", Kind.INVALID, "月份应为 YYYY-MM，且在 2000–2100 之间", "The period must be YYYY-MM within 2000–2100"),
    DATE_FORMAT("date.format", Kind.INVALID, "日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"),
    LIMIT("limit", Kind.INVALID, "条数超出允许范围", "The limit is out of range"),
    FORMAT("format", Kind.INVALID, "导出格式应为 json 或 xlsx", "The format is json or xlsx"),
    PLAN(
            "plan",
            Kind.INVALID,
            "数据质量控制计划有误：请检查标出的参数行和字段",
            "The monitoring plan is invalid: see the lines and fields named"),
    ATTACHMENT(
            "attachment",
            Kind.INVALID,
            "附件有误：文件为空、超过 10 MB 或名称无效",
            "The attachment is empty, larger than 10 MB or badly named"),
    REPORT_INCOMPLETE(
            "report.incomplete",
            Kind.CONFLICT,
            "该年度尚有月份未经核查通过，不能出具年度排放报告",
            "Some months of the year have no approved filing: no annual report yet"),
    STEAM("steam", Kind.INVALID, "蒸汽或热水的质量、压力或温度超出范围", "Steam or hot-water mass, pressure or temperature out of range"),
    ENTERPRISE_CODE("enterprise.code", Kind.INVALID, "统一社会信用代码无效（GB 32100）", "Not a valid unified social credit code"),
    REGION_CODE("region.code", Kind.INVALID, "行政区划代码无效（GB/T 2260）", "Not a GB/T 2260 region code"),
    INDUSTRY_CODE("industry.code", Kind.INVALID, "行业代码无效（GB/T 4754-2017）", "Not a GB/T 4754-2017 industry code"),
    // uploads and ingestion
    UPLOAD_EMPTY("upload.empty", Kind.INVALID, "上传的文件为空", "The uploaded file is empty"),
    UPLOAD_UNREADABLE(
            "upload.unreadable",
            Kind.INVALID,
            "无法读取上传的文件（应为 .xlsx 或 UTF-8 CSV）",
            "The upload is not .xlsx or UTF-8 CSV"),
    UPLOAD_ENCODING(
            "upload.encoding",
            Kind.INVALID,
            "文件不是 UTF-8 编码（请另存为“CSV UTF-8”）",
            "The file is not UTF-8; save it as CSV UTF-8"),
    UPLOAD_SHAPE(
            "upload.shape",
            Kind.INVALID,
            "文件中有无法读取的单元格（多出的列或控制字符），未保存任何内容",
            "Some cells cannot be read (extra fields or control characters); nothing was stored"),
    UPLOAD_FORMULA(
            "upload.formula",
            Kind.INVALID,
            "工作簿中有未计算的公式（请在 Excel 中保存后再上传，或粘贴为数值）",
            "The workbook has formulas without saved values"),
    UPLOAD_TOO_LARGE("upload.too_large", Kind.TOO_LARGE, "上传的文件超过 10 MB", "The upload exceeds 10 MB"),
    INGEST_REJECTED("ingest.rejected", Kind.INVALID, "报文被拒收（原因见 problems）", "The message was rejected; see problems"),
    INGEST_TOO_LARGE("ingest.too_large", Kind.TOO_LARGE, "报文过大，请分批发送", "The message is too large; split it"),
    // filing and accounts
    FILING_STALE(
            "filing.stale", Kind.CONFLICT, "该填报已被他人修改，请刷新后重新修改", "The filing was changed by someone else; reload it"),
    FILING_PRECONDITION(
            "filing.precondition",
            Kind.PRECONDITION,
            "修改填报需携带其版本标记（If-Match）",
            "Changing a filing needs the If-Match header with its ETag"),
    TOKEN_LIFETIME(
            "token.lifetime",
            Kind.FORBIDDEN,
            "令牌只能创建不晚于自身到期的令牌，请登录后创建",
            "A token cannot make a token that outlives it"),
    PASSWORD_CURRENT("password.current", Kind.INVALID, "当前密码不正确", "The current password is not right"),
    PASSWORD_POLICY(
            "password.policy",
            Kind.INVALID,
            "新密码不符合要求（至少 12 个字符，不含用户名，不是常见密码）",
            "The new password does not meet the policy"),
    USER_INVALID("user.invalid", Kind.INVALID, "用户信息有误，未保存任何内容", "The user has problems; nothing was stored"),
    ENTERPRISE_INVALID(
            "enterprise.invalid",
            Kind.INVALID,
            "企业登记信息有误，未保存任何内容",
            "The enterprise entry has problems; nothing was stored"),
    ENTERPRISE_MERGE(
            "enterprise.merge",
            Kind.CONFLICT,
            "两家企业有相同月份的填报，不能合并（请先作废重复的填报）",
            "Both enterprises filed the same months; they cannot be merged"),
    ENTERPRISE_EXISTS(
            "enterprise.exists", Kind.CONFLICT, "该统一社会信用代码已登记", "An enterprise with that credit code is registered"),
    FILING_INVALID("filing.invalid", Kind.INVALID, "填报数据有误，未保存任何内容", "The filing has problems; nothing was stored"),
    MEASURE_INVALID(
            "measure.invalid",
            Kind.INVALID,
            "措施或诊断信息有误，未保存任何内容",
            "The measure or diagnosis has problems; nothing was stored"),
    SINKS_INVALID(
            "sinks.invalid", Kind.INVALID, "碳汇数据有误，未保存任何内容", "The sink inventory has problems; nothing was stored"),
    FOOTPRINT_INVALID(
            "footprint.invalid",
            Kind.INVALID,
            "产品碳足迹数据有误，未保存任何内容",
            "The product footprint has problems; nothing was stored"),
    DISCLOSURE_INVALID(
            "disclosure.invalid", Kind.INVALID, "碳信息披露数据有误，未保存任何内容", "The disclosure has problems; nothing was stored"),
    MARKET_INVALID(
            "market.invalid",
            Kind.INVALID,
            "碳市场与履约数据有误，未保存任何内容",
            "The market or compliance data have problems; nothing was stored"),
    INCLUSION_INVALID(
            "inclusion.invalid",
            Kind.INVALID,
            "碳普惠数据有误，未保存任何内容",
            "The carbon-inclusion data have problems; nothing was stored"),
    SYNERGY_WEIGHT(
            "synergy.weight",
            Kind.INVALID,
            "污染减排权重 α 应在 0 到 1 之间",
            "The weight alpha of pollution reduction is between 0 and 1"),
    POLLUTANTS_INVALID(
            "pollutants.invalid",
            Kind.INVALID,
            "污染物排放数据有误，未保存任何内容",
            "The pollutant emissions have problems; nothing was stored"),
    FILING_EMPTY("filing.empty", Kind.INVALID, "填报至少需要一行活动数据", "A filing needs at least one line of activity"),
    FILING_UNACCOUNTABLE("filing.unaccountable", Kind.INVALID, "该月份无法核算", "The month cannot be accounted"),
    PERIOD_NOT_ENDED("period.not_ended", Kind.INVALID, "该月份尚未结束，月份结束后才能填报", "The month has not ended"),
    PERIOD_OPEN("period.open", Kind.CONFLICT, "该月份已有未完成的版本，请修改该版本", "A version of the month is open"),
    PERIOD_LOCKED("period.locked", Kind.CONFLICT, "该月份正在核查中，已锁定", "The month is with the verifier"),
    COMMENT_REQUIRED("comment.required", Kind.INVALID, "退回时请说明需要修改的内容", "Say what to correct"),
    // factor sets
    FACTOR_SET_INVALID("factor_set.invalid", Kind.INVALID, "因子集文件有误，未保存任何内容", "The factor set has problems"),
    FACTOR_SET_EXISTS("factor_set.exists", Kind.CONFLICT, "该因子集版本已导入", "This factor set version is already loaded"),
    FACTOR_SET_ID(
            "factor_set.id",
            Kind.INVALID,
            "因子集编号应为 2–64 位小写字母、数字或 . _ -",
            "A set id has 2–64 lower-case letters, digits, . _ -"),
    FACTOR_SET_ACTIVE_FROM("factor_set.active_from", Kind.INVALID, "启用日期格式应为 YYYY-MM-DD", "activeFrom is YYYY-MM-DD"),
    // monitoring
    METER_FIELD("meter.field", Kind.INVALID, "计量器具信息缺少必填项", "A required meter field is missing"),
    METER_INVALID("meter.invalid", Kind.INVALID, "计量器具信息有误", "The meter has problems"),
    METER_EXISTS("meter.exists", Kind.CONFLICT, "该计量点已有在用的计量器具，请办理换表", "The point already has a meter"),
    METER_READING("meter.reading", Kind.INVALID, "表底读数有误", "The register reading is invalid"),
    METER_REPLACE("meter.replace", Kind.INVALID, "换表信息有误", "The replacement is invalid"),
    MONITORING_RANGE("monitoring.range", Kind.INVALID, "查询时间范围有误", "The time range is invalid"),
    MONITORING_NO_METERS("monitoring.no_meters", Kind.INVALID, "该月份没有在用的计量器具", "No meter was in service"),
    // efficiency, targets, statistics, projects, grades
    FACILITY_BODY(
            "facility.body", Kind.INVALID, "请提交设施的名称、产品、产能和单位", "A facility needs name, product, capacity and unit"),
    FACILITY_INVALID(
            "facility.invalid", Kind.INVALID, "设施信息有误，未保存任何内容", "The facility has problems; nothing was stored"),
    PLAN_INVALID("plan.invalid", Kind.INVALID, "改造计划有误，未保存任何内容", "The renovation plan has problems"),
    LEVEL("level", Kind.INVALID, "能效水平应为 标杆、基准之间 或 基准以下", "Unknown efficiency level"),
    EDITION("edition", Kind.INVALID, "标杆/基准版本应为 2021 或 2023", "The edition is 2021 or 2023"),
    PLAN_STATUS("plan.status", Kind.INVALID, "改造计划状态无效", "Unknown renovation plan status"),
    TARGET_SCOPE("target.scope", Kind.INVALID, "目标的对象或指标有误", "The target's subject or indicator is invalid"),
    TARGET_INVALID("target.invalid", Kind.INVALID, "目标信息有误，未保存任何内容", "The target has problems; nothing was stored"),
    ROADMAP_INVALID(
            "roadmap.invalid",
            Kind.INVALID,
            "路线图情景有误，未保存任何内容",
            "The roadmap's scenarios have problems; nothing was stored"),
    ROADMAP_NO_HISTORY(
            "roadmap.no_history",
            Kind.INVALID,
            "该地区没有区域统计数据，无法编制路线图：请先导入统计数据",
            "The region has no statistics to start a roadmap from; import them first"),
    TARGET_DUPLICATE("target.duplicate", Kind.CONFLICT, "该对象、指标和年份的目标已存在", "That target exists already"),
    DECOMPOSITION_METHOD("decomposition.method", Kind.INVALID, "目标分解方法无效", "Unknown decomposition method"),
    DECOMPOSITION_FIGURES(
            "decomposition.figures", Kind.INVALID, "下级地区缺少基年统计数据，无法均分", "Child regions lack base-year statistics"),
    DECOMPOSITION_INVALID(
            "decomposition.invalid",
            Kind.INVALID,
            "分解结果与上级目标不一致，未保存任何内容",
            "The decomposition does not add up; nothing was stored"),
    DECOMPOSITION_CONFLICT(
            "decomposition.conflict", Kind.CONFLICT, "分解结果与上级目标不一致", "The decomposition does not add up to the target"),
    STATS_INVALID("stats.invalid", Kind.INVALID, "统计数据文件有误，未保存任何内容", "The statistics file has problems"),
    PROJECT_INVALID("project.invalid", Kind.INVALID, "项目信息有误，未保存任何内容", "The project has problems; nothing was stored"),
    PROJECT_ENTERPRISE("project.enterprise", Kind.INVALID, "投运项目需填写所属企业", "An operating project needs its enterprise"),
    SUBSTITUTION_KIND("substitution.kind", Kind.INVALID, "减量替代类别无效", "Unknown substitution kind"),
    SUBSTITUTION_INVALID(
            "substitution.invalid", Kind.INVALID, "减量替代记录有误，未保存任何内容", "The substitution line has problems"),
    PROJECT_STATUS("project.status", Kind.INVALID, "项目状态无效", "Unknown project status"),
    PROJECT_COMMISSIONED("project.commissioned", Kind.INVALID, "投产日期有误", "The commissioning date is invalid"),
    PROJECT_TRANSITION("project.transition", Kind.CONFLICT, "项目当前阶段不允许该变更", "The project's stage forbids this move"),
    PROJECT_MOVED("project.moved", Kind.CONFLICT, "项目已被他人变更，请刷新", "The project was moved by someone else"),
    GRADE("grade", Kind.INVALID, "碳效等级应为 1–5", "The grade is 1–5"),
    PDF_FONT("pdf.font", Kind.UNAVAILABLE, "服务器缺少中文字体，无法生成 PDF", "No CJK font for the PDF on the server");

    /** What kind of refusal a code is; the web layer gives each kind its HTTP status. */
    public enum Kind {
        MALFORMED,
        PRECONDITION,
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        METHOD,
        CONFLICT,
        TOO_LARGE,
        TOO_MANY,
        UNAVAILABLE,
        INTERNAL
    }

    private static final Map<String, ErrorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::code, Function.identity()));

    private final String code;
    private final Kind kind;
    private final String zh;
    private final String en;

    ErrorCode(String code, Kind kind, String zh, String en) {
        this.code = code;
        this.kind = kind;
        this.zh = zh;
        this.en = en;
    }

    /** The stable code, e.g. {@code period.not_ended}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The title in Chinese (zh-CN). */
    public String zh() {
        return zh;
    }

    /** The title in English. */
    public String en() {
        return en;
    }

    /** The title in Chinese unless the language asked for is English. */
    public String title(String language) {
        return language != null && language.startsWith("en") ? en : zh;
    }

    public static Optional<ErrorCode> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
