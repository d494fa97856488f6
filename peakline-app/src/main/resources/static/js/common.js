// Shared by every page: language (zh first, en second), API calls with the CSRF token, the header, number formats.
const DICT = {
  zh: {
    app: "Peakline 双碳数字化管理平台", dashboard: "一张网", account: "碳账户", filing: "填报", queue: "待核查", admin: "系统管理",
    logout: "退出", login: "登录", username: "用户名", password: "密码", lang: "English",
    emissions: "排放量 (tCO₂e)", energy: "综合能耗 (tce)", valueAdded: "增加值 (万元)", intensity: "碳排放强度 (tCO₂e/万元)",
    energyIntensity: "能耗强度 (tce/万元)", coverage: "填报覆盖率", enterprises: "企业数", filed: "已填报",
    scope1: "范围一", scope2: "范围二",
    direct: "直接排放·范围一 (tCO₂e)", indirect: "外购电力热力间接排放·范围二 (tCO₂)",
    directHint: "已填报企业的化石燃料燃烧与工业过程排放之和（企业口径）。地区排放不把各企业的范围一与范围二相加：外购电力的排放已计入发电企业的范围一。",
    indirectHint: "已填报企业净外购电力、热力对应的排放（企业口径），与范围一分开列示，不计入地区直接排放。", combustion: "化石燃料燃烧", process: "工业过程", electricity: "外购电力", heat: "外购热力",
    year: "年份", month: "月份", all: "全年", region: "地区", industry: "行业", enterprise: "企业", rank: "排名",
    byRegion: "各地区直接排放·范围一", monthly: "月度趋势", industryMix: "行业结构", topEmitters: "重点排放企业", drill: "下钻",
    period: "期间", status: "状态", version: "版本", source: "来源", why: "来源说明", history: "历年", facilities: "设施",
    fileMonth: "填报月度数据", upload: "上传模板", template: "下载模板", addLine: "添加一行", save: "保存草稿", submit: "提交",
    approve: "通过", giveBack: "退回", comment: "意见", carrier: "能源品种", use: "用途", amount: "数量", unit: "单位",
    product: "产品", output: "增加值", lines: "明细", audit: "审计记录", factorSets: "排放因子集", activate: "启用",
    setId: "因子集", setVersion: "版本", publication: "发布文件", loadedAt: "载入时间",
    sDRAFT: "草稿", sSUBMITTED: "待核查", sRETURNED: "已退回", sAPPROVED: "已通过", sSUPERSEDED: "已被更正版本取代",
    srcFORM: "表单", srcUPLOAD: "上传", srcMETERS: "在线监测",
    ucombustion: "燃烧", ufeedstock: "原料", uprocess: "过程", upurchased: "外购", uexported: "输出",
    queueEmpty: "没有待核查的填报", h_OK: "正常", h_SILENT: "中断", h_INCOMPLETE: "数据不全", h_REMOVED: "已拆除", sheetTitle: "碳排放计算表", electricity_exported: "输出电力", heat_exported: "输出热力", u_fraction: "比例", sheetEntered: "在线填报", sheetLine: "第{n}行", sheetSource: "来源", sheetItem: "品种·类别", sheetFactors: "所用因子（出处与版本）",
    sheetCo2: "排放量 (tCO₂e)", sheetTce: "能耗 (tce)", sheetUncertainty: "排放总量不确定性（IPCC 方法1，95%）", sheetMethod: "核算选项",
    technical: "技术细节（公式与因子出处全文）", unconfirmed: "未经原文核实", f_ncv: "低位发热量", f_cc: "单位热值含碳量", f_of: "碳氧化率",
    f_grid: "电力排放因子", f_heat: "热力排放因子", f_tce: "折标准煤系数", f_gwp: "全球变暖潜势", f_process: "过程排放因子", todo: "待办事项", todo_toFile: "待填报月份", todo_open: "草稿、已退回与待核查",
    todo_meters: "上月计量数据问题", todo_plans: "逾期的节能改造计划", todoNone: "暂无待办事项", deadline: "截止", overdue: "已逾期", days: "天",
    mp_silent: "中断无数据", mp_completeness: "数据完整率不足", mp_stamps: "时标超差", mp_dailyVsMonthly: "日月偏差超限", search: "搜索", totalCount: "共", rowsUnit: "条", prevPage: "上一页", nextPage: "下一页", submittedAt: "提交时间",
    daysWaiting: "已等待（天）", loading: "加载中…",
    gradeAndEfficiency: "碳效码与能效水平", peerGroup: "对标行业", allIndustries: "全部行业", notGraded: "无法评定（该年度未满 12 个月已核查通过的数据或增加值）",
    "rj_message.encoding": "文件编码不是 UTF-8，请另存为“CSV UTF-8”", "rj_message.malformed": "报文格式错误，无法读取",
    "rj_message.unreadable": "报文无法读取", "rj_meter.missing": "缺少表计编号", "rj_meter.unknown": "未登记的表计",
    "rj_meter.not_in_service": "表计不在服役期", "rj_meter.unit": "表计单位不符", "rj_reading.absurd": "读数超出合理范围",
    "rj_reading.conflict": "同一时刻已有不同读数", "rj_reading.future": "读数时间晚于当前时间", "rj_reading.archived": "该月读数已转入归档，不再接收", "rj_reading.negative": "读数为负",
    "rj_reading.timestamp": "时间戳无效或超出允许范围", "rj_reading.unit": "读数单位不符", "rj_reading.value": "读数不是有效数字",
    "rj_row.shape": "该行列数与表头不符", "rj_auth.scope": "令牌无权上报该企业", "rj_auth.token": "令牌无效或已撤销",
    manageMeters: "登记与更换计量器具", meterPoint: "计量点编号", meterName: "名称", meterKind: "计量方式", kREGISTER: "累计读数", kINTERVAL: "区间用量",
    multiplier: "倍率", intervalMinutes: "采集间隔（分钟）", installedOn: "安装/更换日期", registerMeter: "登记", replaceFinal: "旧表末次读数",
    replaceInitial: "新表初始读数", replaceMeter: "按上述信息更换该计量点的表", gatewayTokens: "采集网关令牌", createToken: "新建令牌",
    tokenName: "令牌名称", createdAt: "创建时间", tokenRevoked: "已撤销", tokenActive: "有效", revoke: "撤销", meterRegistered: "已登记",
    meterReplaced: "已更换", tokenShownOnce: "令牌只显示这一次，请立即配置到采集网关：",
    f_temperature: "温度", f_tonnes: "质量", f_pressure: "压力", f_year: "年份",
    attachments: "附件", attach: "添加附件", attached: "已添加附件", fileName: "文件", size: "大小", remove: "移除", noAttachments: "暂无附件",
    a_filing_attach: "添加附件", a_filing_detach: "移除附件",
    myTargets: "本企业目标与预警", noTargets: "尚未为本企业下达目标",
    firstThousand: "仅显示排放量最大的 1,000 家", finding: "核查意见（本行）", lineN: "第{n}行",
    allLevels: "全部", st_yearN: "{n}年", st_notYet: "尚未达到（目标年 {y}）", st_notMet: "未达到（目标年 {y}）", exportExcel: "导出Excel", st_tabEfficiency: "能效清单", st_tabTargets: "目标预警", st_tabProjects: "两高项目", st_tabGrades: "碳效码",
    st_shares: "标杆产能占比与2025年目标", st_list: "能效清单", st_plans: "落后产能改造计划", st_targets: "目标与预警", st_assessment: "年度考核报告",
    st_projects: "两高项目清单", st_grades: "企业碳效码", st_ADVANCED_list: "标杆水平（先进清单）", st_LAGGARD_list: "低于基准水平（落后清单）",
    st_facilities: "设施", st_facility: "设施", st_capacity: "产能", st_shareAdvanced: "标杆占比", st_shareLaggard: "基准以下占比", st_target: "目标",
    st_conclusion: "结论", st_twoHighSectors: "重点两高行业", st_met: "达到", st_equipment: "装置", st_indicator: "指标", st_perUnit: "单位产品能耗",
    st_benchBase: "标杆/基准", st_level: "能效水平", st_gbGrade: "限额等级", st_leader: "领跑者", st_belowLimit: "未达限额", st_gradeN: "等级{n}", st_limitGradeN: "{n}级",
    st_measure: "改造措施", st_warning: "预警", st_daysLeft: "剩 {n} 天", st_noPlan: "（无改造计划）", st_laggardNoPlan: "落后产能无计划",
    st_subject: "对象", st_years: "基年—目标年", st_targetValue: "目标值", st_baseValue: "基年值", st_required: "应达", st_actual: "实际",
    st_assessmentResult: "考核结果", st_document: "依据", st_project: "项目", st_sector: "两高行业", st_designEnergy: "设计能耗 (tce)",
    st_designLevel: "设计能效", st_disposal: "处置", st_actualEnergy: "实际能耗 (tce)", st_vsDesign: "对比设计", st_exceeds: "超设计",
    st_within: "未超设计", st_enterprises: "家企业", st_co2: "CO₂ (t)", st_carbonLevel: "碳效水平", st_grade: "等级",
    ec_ADVANCED: "标杆水平", ec_BETWEEN: "标杆与基准之间", ec_LAGGARD: "低于基准水平", ec_UNCLASSIFIED: "无法判定",
    pl_PLANNED: "计划中", pl_IN_PROGRESS: "实施中", pl_DONE: "已完成", pl_RETIRED: "已淘汰",
    ind_CARBON_INTENSITY: "单位地区生产总值二氧化碳排放降低", ind_CARBON_TOTAL: "二氧化碳排放总量", ind_ENERGY_INTENSITY: "单位地区生产总值能耗降低",
    ind_ENERGY_TOTAL: "能源消费总量", ind_NON_FOSSIL_SHARE: "非化石能源消费比重",
    w_GREEN: "绿色·三级预警", w_ORANGE: "橙色·二级预警", w_RED: "红色·一级预警", w_NO_DATA: "无数据",
    as_COMPLETED: "完成", as_BASICALLY_COMPLETED: "基本完成", as_NOT_COMPLETED: "未完成", as_NO_DATA: "无法评价",
    ps_PROPOSED: "拟建", ps_UNDER_REVIEW: "节能审查中", ps_APPROVED: "审查通过", ps_REFUSED: "审查未通过", ps_UNDER_CONSTRUCTION: "在建",
    ps_OPERATING: "已投产", ps_CLOSED: "已关停", gl_low: "低碳", gl_mid: "中碳", gl_high: "高碳",
    uncertainty: "不确定性 (±%)", factorShort: "因子", annualReport: "下载年度排放报告", reportReady: "报告已下载",
    plan: "数据质量控制计划", planBoundary: "核算边界和主要排放设施", planQa: "数据内部质量控制和质量保证", planSave: "保存为新版本",
    planNone: "尚未制定数据质量控制计划", planVersion: "版本", planSavedBy: "保存人", planParameter: "参数", planMethod: "获取方式",
    planInstrument: "计量器具（名称、型号、位置）", planAccuracy: "准确度等级", planFrequency: "监测频次", planRecording: "记录频次",
    planMissing: "数据缺失时的处理", planDepartment: "负责部门", planSaved: "已保存为新版本",
    choose: "请选择", removeLine: "删除此行", f_carrier: "能源品种", f_use: "用途", f_quantity: "数量", f_amount: "数量", f_unit: "单位",
    f_quality: "数据质量", f_uncertainty: "不确定性", f_period: "期间", f_valueAdded: "增加值",
    editLines: "修改明细", review: "核算结果与对比", changes: "与上一版本的差异", calculation: "计算过程",
    thisVersion: "本版本", lastMonth: "上月（已通过）", lastYear: "去年同月（已通过）", firstVersion: "这是本月的第一个版本",
    noChanges: "与上一版本相同", changesSinceReturn: "退回后的修改", change: "变化", before: "原数量", after: "新数量",
    c_added: "新增", c_removed: "删除", c_changed: "修改", saveChanges: "保存修改", saved: "已保存",
    discard: "作废", discardConfirm: "确定作废此版本？作废后本月可重新填报，记录仍保留。", withdraw: "撤回", correct: "更正（新版本）",
    verifierComment: "核查意见", findingPlaceholder: "核查意见（退回时必填，写明需更正的行和原因）",
    sDISCARDED: "已作废", who: "操作人", what: "操作", detail: "内容",
    a_filing_create: "创建", a_filing_content: "修改明细", a_filing_submit: "提交核查", a_filing_return: "退回",
    a_filing_approve: "核查通过", a_filing_withdraw: "撤回", a_filing_discard: "作废", a_filing_supersede: "被更正版本取代",
    steamTool: "蒸汽折算", steamMass: "质量 (t)", steamPressure: "绝对压力 (MPa)", steamTemperature: "温度 (℃，饱和蒸汽可不填)",
    steamConvert: "折算为 GJ 并添加一行", steamsaturated: "饱和蒸汽", steamsuperheated: "过热蒸汽", steamEnthalpy: "焓值",
    quality: "数据质量", qNONE: "未说明", qMEASURED: "实测", qCALCULATED: "计算", qESTIMATED: "估算", qDEFAULT: "缺省",
    recompute: "重新核算", jobDONE: "核算完成", jobFAILED: "核算失败", jobINTERRUPTED: "核算中断（已自动续算）", jobRUNNING: "核算中",
    loadSet: "载入因子文件", activeFrom: "生效日期", noData: "暂无数据", created: "已保存",
    filings: "填报记录", total: "合计", months: "月度", open: "打开",
    rm_stirpat: "STIRPAT 拟合（岭回归，基于本地区历史统计）", rm_stirpatHint: "ln CO₂ = a + b·ln GDP + c·ln(能源/GDP) + d·ln(1 − 非化石能源占比)；驱动因素高度共线，采用岭回归（HKB 岭参数，预测变量中心化标准化后估计），系数为弹性。情景比较表中的“STIRPAT峰值年份”以同一驱动路径代入该模型得到。",
    rm_stirpatPeak: "STIRPAT峰值年份", rm_noFit: "历史统计只有 {n} 年，不足以拟合（至少需要 5 年）", rm_term: "项", rm_elasticity: "系数（弹性）",
    rm_t_const: "常数项", rm_t_gdp: "ln GDP", rm_t_ei: "ln 单位GDP能耗", rm_t_fossil: "ln 化石能源占比", rm_kHkb: "岭参数 k（HKB）",
    rm_industry: "行业（GB/T 4754 代码，留空为全地区）", rm_show: "查看", rm_fromAccounts: "历史来自本地区该行业企业的核算结果（全年已核算的年份；工业增加值作为经济规模，非化石能源占比按0计）",
    rm_fromStatistics: "历史来自区域统计数据", rm_industryTargetMade: "已生成行业目标：下降 {v}。",
    po_title: "污染物排放与环境保护税", po_hint: "按月、按排放口（大气/水）填报应税污染物排放量；污染当量与税额按《环境保护税法》附表二计算：每一大气排放口取污染当量数前三项，水排放口第一类前五项、其他类前三项（化学需氧量、生化需氧量、总有机碳只取一项）。税额按本省适用税额计算，请填写本省规定的税额（默认值为法定最低税额）。",
    po_airRate: "大气污染物税额（元/当量）", po_waterRate: "水污染物税额（元/当量）", po_import: "导入污染物数据", po_MEASURED: "实测", po_COEFFICIENT: "产排污系数",
    po_MASS_BALANCE: "物料衡算", po_totals: "全年大气污染当量 {air}，水污染当量 {water}，环境保护税 {tax} 元", po_outlet: "排放口", po_air: "大气", po_water: "水",
    itemN: "第 {n} 项", f_permittedT: "许可排放量", f_outlet: "排放口类型", f_pollutant: "污染物", f_outlet_id: "排放口编号", f_outletId: "排放口编号", f_level: "监测值", f_limit: "标准限值",
    f_heightM: "排气筒高度", f_receivingWater: "受纳水体", f_medium: "排放口类型", f_facility: "设施", f_method: "数据获取方式", f_activity: "活动水平",
    po_outletsTitle: "排放口登记", po_outletId: "排放口编号", po_height: "排气筒高度（米）", po_receiving: "受纳水体",
    po_permits: "许可污染物及许可排放量（吨/年）", po_register: "登记排放口", po_registered: "已登记排放口 {id}", po_outletNone: "尚未登记排放口（只有一个大气或水排放口时可不登记）",
    po_ACTIVE: "在用", po_CLOSED: "已停用", po_close: "停用", po_reopen: "重新启用", po_closed: "排放口 {id} 已停用", po_reopened: "排放口 {id} 已重新启用", po_permitBad: "许可排放量的写法：污染物 数量；多项以分号隔开，如“二氧化硫 200；氮氧化物 300”",
    po_level: "监测值（pH值、色度）", po_limit: "排放标准限值（色度）", po_byOutlet: "分排放口汇总", po_sum: "合计", po_noNumber: "（未编号）",
    po_synergyOutlets: "各大气排放口污染当量（上年 → 本年）：", po_quantityOf: "排放量", po_sewage: "吨污水", po_medium: "排放口类型",
    po_pollutant: "污染物", po_kg: "排放量（千克）", po_method: "数据获取方式", po_equivalents: "污染当量数", po_taxed: "计税", po_yes: "是", po_no: "否",
    po_synergy: "与上年相比（仅已核定月份）：直接排放减少 {co2} 吨CO₂，大气污染当量减少 {ap}，{q}，协同控制交叉弹性 Els {els}", po_synergyNone: "与上年相比：两年均有已核定的污染物与核算数据后显示协同控制象限与交叉弹性", sy_enterpriseLevel: "本地区无下级行政区划，按企业列示，不显示地图。",
    fp_title: "产品碳足迹", fp_hint: "从摇篮到大门：本企业生产过程取该年度经核查的碳账户（范围一与范围二）按所选方法分配到产品，外购原料按其供应商声明或数据库的碳足迹计入（须注明来源），按矩阵法求解。", fp_allocation: "分配方法", fp_mass: "质量分配", fp_economic: "经济价值分配", fp_physical: "物理关系分配", fp_prices: "单价（产品=元/单位；分号分隔）", fp_share: "分配比例", fp_basis: "分配依据", fp_inputs: "外购原料（每行：原料,单耗,单位,碳足迹千克CO₂e/单位,来源,是否供应商数据）", fp_save: "计算并保存", fp_saved: "已保存的碳足迹", fp_own: "本企业生产过程", fp_bought: "外购：", fp_process: "过程", fp_kg: "千克CO₂e/声明单位", fp_shareOf: "占比", fp_total: "{p} 的碳足迹 {kg} 千克CO₂e/{u}（{a}，分配比例 {s}；本企业初级数据占 {q}%）", fp_certificate: "碳足迹证书（PDF）", fp_kgPerUnit: "碳足迹（千克CO₂e）", fp_createdAt: "计算时间", fp_none: "尚未计算产品碳足迹", fp_done: "已计算并保存",
    ds_n1: "组织边界按《温室气体核算体系：企业核算与报告标准》第3章{a}确定；各实体纳入比例沿持股链相乘。", ds_n2: "数据来自各实体经核查通过的月度碳账户；不在平台登记的实体无数据，计为 0，并在边界表中注明。", ds_n3: "范围二为基于位置的排放（核算所用电网平均排放因子）；未登记绿证等合同工具，基于市场的范围二与之相同。", ds_n4: "基准年按当前组织边界重新计算：其数字为同一批实体基准年的数据乘以当前纳入比例。", ds_n5: "排放强度 = 范围一与范围二之和 ÷ 按同一比例合并的工业增加值（吨CO₂/万元）。",
    ds_indicator: "指标", ds_years: "基年–目标年", ds_goal: "目标值", ds_actual: "当年实际", ds_required: "当年应达", ds_warning: "预警", ds_targets: "目标与进展（本企业自身的目标）", ds_noTargets: "本企业尚无设定的目标",
    ds_title: "碳信息披露", ds_hint: "按集团股权结构与合并方法（股权比例、财务控制、运营控制）汇总各实体经核查的碳账户，给出范围一、范围二、排放强度与基准年比较，并注明各指标对应的披露框架条款。发布后任何人无需登录即可在公开页面查看已发布的内容。", ds_approach: "合并方法", "ds_operational-control": "运营控制法", "ds_financial-control": "财务控制法", ds_equity: "股权比例法", ds_baseYear: "基准年", ds_pdf: "导出PDF", ds_publish: "发布", ds_publicPage: "公开页面", ds_import: "导入股权结构", ds_scope1: "范围一（直接排放，吨CO₂）", ds_scope2Location: "范围二（基于位置，吨CO₂）", ds_scope2Market: "范围二（基于市场，吨CO₂）", ds_scope12: "范围一与范围二合计（吨CO₂）", ds_energy: "综合能源消费量（吨标准煤）", ds_intensity: "排放强度（吨CO₂/万元）", ds_base: "基准年范围一与范围二合计（吨CO₂）", ds_change: "较基准年变化", ds_entity: "实体", ds_offPlatform: "（未在平台登记）", ds_share: "持股比例", ds_control: "控制", ds_fraction: "纳入比例", ds_months: "已核查月数", ds_inScope1: "纳入范围一（吨CO₂）", ds_inScope2: "纳入范围二（吨CO₂）", ds_c_full: "控股（子公司）", ds_c_joint: "共同控制（合营）", ds_c_significant: "重大影响（联营）", ds_c_none: "无控制（投资）", ds_figure: "指标", ds_framework: "披露框架", ds_item: "条款", ds_confidence: "核对状态", ds_f_scope1: "范围一", ds_f_scope2_location: "范围二（基于位置）", ds_f_scope2_market: "范围二（基于市场）", ds_f_intensity: "排放强度", ds_f_change: "较基准年变化", ds_f_boundary: "组织边界与合并方法", ds_f_methodology: "方法学与因子来源", ds_f_targets: "目标与进展", ds_k_CONFIRMED: "已核对", ds_k_UNCONFIRMED: "条款编号未核对", ds_reportOf: "年度碳信息披露", ds_boundary: "组织边界", ds_index: "披露索引", ds_factorSets: "所用因子集：", ds_published: "{y} 年度报告已发布到公开页面", ds_imported: "已导入股权结构（{n} 个实体）", ds_publicTitle: "碳信息披露（公开）", ds_publicHint: "本页面无需登录，只显示企业自行发布的年度碳信息披露内容。", ds_nonePublished: "该企业尚未发布碳信息披露。", ds_publishedAt: "发布日期：",
    ic_date: "日期", ic_m_pv_distributed: "分布式光伏发电", ic_e_pv_distributed: "计量器具读数或电网结算单（起止日期、电量）",
    inclusion: "碳普惠", ic_hint: "分布式光伏等减排行为按方法学核算减排量，按项目公布的兑换比例签发积分；同一来源记录在本平台只签发一次，已在其他机制（CCER、绿证等）申领的不再计算。积分在有效期内使用，先发先用，到期未用的作废。", ic_programme: "项目", ic_operator: "项目运营", ic_enterprise: "参与企业（统一社会信用代码）", ic_join: "登记参与者", ic_issue: "导入减排记录并签发积分", ic_export: "导出积分台账", ic_new: "新建项目", ic_name: "项目名称", ic_region: "地区代码", ic_rate: "兑换比例（分/千克CO₂）", ic_valid: "有效期（月）", ic_rulesLabel: "公布的规则", ic_create: "创建", ic_ledger: "积分台账：", ic_claims: "减排记录", ic_points: "使用积分", ic_purpose: "用途", ic_useGo: "使用", ic_ISSUE: "签发", ic_USE: "使用", ic_EXPIRE: "到期作废", ic_none: "尚无可查看的碳普惠项目", ic_rulesShown: "规则：{r}（兑换比例 {rate} 分/千克CO₂，有效期 {m} 个月）", ic_methodShown: "方法学：{n}；减排量 = 发电量（MWh）× 电网平均排放因子 {f} tCO₂/MWh（{s}）；证明材料：{e}", ic_issued: "已签发", ic_used: "已使用", ic_expired: "已作废", ic_balanceCol: "余额", ic_noParticipants: "尚无参与者", ic_balance: "当前积分余额 {b} 分", ic_kind: "类型", ic_pointsCol: "积分", ic_after: "变动后余额", ic_noEntries: "暂无记录", ic_record: "来源记录", ic_mwh: "发电量（MWh）", ic_factor: "排放因子（tCO₂/MWh）", ic_kg: "减排量（千克CO₂）", ic_evidence: "证明材料", ic_issuedAt: "签发时间", ic_joined: "已登记参与者 {c}", ic_already: "{c} 已是参与者", ic_issuedDone: "已签发 {n} 条记录，共 {p} 分（减排 {kg} 千克CO₂）", ic_created: "已创建项目", ic_usedDone: "已使用，余额 {b} 分",
    markets: "碳市场履约", mk_title: "碳市场与履约", mk_hint: "全国碳排放权交易市场发电行业配额按基准法核算：机组配额 = 供电量 × 供电基准值 × 冷却方式、供热量、负荷（出力）系数修正系数 + 供热量 × 供热基准值。先按上年产出预分配，核查后按当年产出核定并多退少补，同时确定应清缴量（燃气机组缺口豁免、缺口上限为经核查排放量的 20%）。CCER 抵销不超过应清缴配额的 5%。水泥熟料、钢铁、铝冶炼行业自 2024 年度纳入：2024 年度配额等于经核查排放量（不预分配），2025 年度按上年核查排放量的 70% 预分配，应清缴量为经核查的直接排放量。基准值和规则为内置参考数据，标注“未经原文核实”的数值尚未与原文逐条核对。", mk_operator: "配额分配（主管部门）", mk_stage: "阶段", mk_stage_pre: "预分配", mk_stage_final: "核定与清缴（多退少补）", mk_preview: "试算", mk_units: "各机组配额与计算过程", mk_issue: "确认发放", mk_overview: "履约情况（缺口在前）", mk_market: "成交情况（按月）", mk_account: "履约账户：", mk_obligations: "应清缴与缺口", mk_holdings: "持有", mk_instrument: "品种", mk_i_cea: "全国碳排放配额", mk_i_provincial_cea: "省级碳排放配额", mk_i_energy_right: "用能权", mk_i_pollution_right: "排污权", mk_i_gec: "绿色电力证书", mk_i_ccer: "国家核证自愿减排量", mk_i_provincial_credit: "省级核证自愿减排量", mk_vintage: "年度", mk_quantity: "数量（吨）", mk_serialFrom: "起始序号", mk_serialTo: "终止序号", mk_surrender: "清缴", mk_movements: "账户变动", mk_allocated: "已分配", mk_due: "应清缴", mk_surrendered: "已清缴", mk_offsets: "已抵销 CCER", mk_remaining: "尚需清缴", mk_held: "可用于清缴的持有量", mk_shortfall: "需购买", mk_excess: "可出售", mk_s_compliant: "已履约", mk_s_surplus: "持有足额，待清缴", mk_s_short: "配额不足", mk_s_overdue: "逾期未履约", mk_noObligations: "尚无应清缴量（核定与清缴发放后生成）", mk_volume: "成交量", mk_price: "成交均价（元/吨）", mk_noTrades: "尚无报价成交", mk_runTitle: "{y} 年度 {s}（{st}）", mk_issued: "已发放", mk_previewed: "试算，尚未发放", mk_allocationFinal: "核定配额 (tCO₂)", mk_allocationPre: "预分配配额 (tCO₂)", mk_booked: "本次发放 (tCO₂)", mk_verified: "经核查排放量 (tCO₂)", mk_unit: "机组", mk_fuelClass: "机组类别", mk_electricityT: "供电配额 (tCO₂)", mk_heatT: "供热配额 (tCO₂)", mk_allocationUnit: "机组配额 (tCO₂)", mk_how: "计算过程", mk_previewDone: "试算完成：{n} 家企业，本次发放合计 {t} 吨", mk_issuedDone: "已发放：{n} 家企业，合计 {t} 吨，已记入各企业账户", mk_balance: "余额", mk_noHoldings: "尚无持有", mk_date: "日期", mk_kind: "类型", mk_k_obligation: "应清缴", mk_k_issue: "签发", mk_k_allocate: "分配", mk_k_transfer: "转让", mk_k_surrender: "清缴", mk_k_retire: "注销", mk_k_cancel: "核减", mk_k_expire: "过期", mk_quantityShort: "数量", mk_serials: "序号", mk_counterparty: "对方账户", mk_noMovements: "暂无变动", mk_surrendered_done: "已清缴 {q} 吨", mk_deadline: "清缴截止日期", mk_scope2: "绿色电力证书与市场法范围二", mk_scope2Hint: "注销的绿证按其电量从外购电力中扣除（按温室气体核算体系范围二指南的市场法）；我国未发布剩余电力排放因子，其余电量仍按核算所用的电网平均排放因子计算。绿证自生产当年起两年内可用于当年或次年。", mk_show: "查看", mk_mwh: "电量（MWh）", mk_retire: "注销用于本年度", mk_locationT: "外购电力排放·基于位置 (tCO₂)", mk_consumption: "外购电量 (MWh)", mk_certificates: "注销的绿证 (MWh)", mk_covered: "绿证覆盖电量 (MWh)", mk_marketT: "外购电力排放·基于市场 (tCO₂)", mk_scope2Location: "范围二·基于位置 (tCO₂)", mk_scope2Market: "范围二·基于市场 (tCO₂)", mk_gridFactor: "电网平均排放因子", mk_retired: "已注销 {q} MWh 绿证，用于 {y} 年", scope2Market: "范围二（市场法）", mk_energy: "用能权分配（重点用能单位）", mk_energyHint: "初始用能权按所选规则核定：历史法为基准年扣除原料用能后的综合能耗均值乘以（1 − 下降率）；双控目标分解法为企业的能源消费总量目标。应履约量 = 当年综合能耗 − 原料用能 − 当年注销绿证电量 × 0.1229 tce/MWh。", mk_rule: "规则", mk_rule_historical: "历史法", mk_rule_target: "双控目标分解", mk_baseYears: "基准年（逗号分隔）", mk_decline: "下降率", mk_paidPrice: "有偿使用价格（元/tce）", mk_energyBook: "核定并发放", mk_energyDue: "按当年能耗设定应履约量", mk_quotaTce: "初始用能权 (tce)", mk_paidYuan: "有偿使用费（元）", mk_energyPreviewed: "试算完成：{n} 家重点用能单位，合计 {t} tce", mk_energyBooked: "已发放：{n} 家重点用能单位，合计 {t} tce", mk_energyDueDone: "已设定 {n} 家的应履约量；{p} 家当年数据未满 12 个月，待补齐后再设定", f_instrument: "品种", f_vintage: "年度", f_serialFrom: "起始序号", f_serialTo: "终止序号", f_stage: "阶段", f_unitId: "机组编号", f_reason: "理由", f_supplyMwh: "供电量", f_heatGj: "供热量", f_heatRatio: "供热比", f_loadFactor: "负荷率", f_verifiedT: "经核查排放量", f_fuelClass: "机组类别", f_cooling: "冷却方式", f_capacityMw: "装机容量", f_to: "受让方",
    mk_coverage: "纳入全国碳市场的企业（所属行业且年排放达 2.6 万吨二氧化碳当量）", mk_sector: "行业", mk_sec_power: "发电", mk_sec_cement_clinker: "水泥熟料", mk_sec_steel: "钢铁", mk_sec_aluminium: "铝冶炼", mk_emissionsT: "年排放量 (tCO₂)", mk_monthsAccounted: "已核算月数", mk_covered2: "应纳入", mk_registeredUnits: "已登记机组或生产线", mk_no: "否", mk_noCoverage: "该年度没有所属行业的企业",
    mk_notice: "分配通知书", mk_noticePdf: "下载 PDF", mk_energyView: "已分配、应履约与能耗总量目标", mk_energyTotals: "已分配 {a} tce，应履约 {c} tce，能源消费总量目标 {t} tce", mk_noTarget: "未设定", mk_allocatedTce: "已分配 (tce)", mk_consumedTce: "应履约 (tce)", mk_targetTce: "能耗总量目标 (tce)", mk_heldTce: "持有 (tce)", mk_noQuotas: "该年度尚无用能权",
    mk_rule_benchmark: "基准线法（能效水平 × 产量）", mk_level: "能效水平", mk_level_baseline: "基准水平", mk_level_benchmark: "标杆水平",
    mk_pollution: "排污权（许可排放量与已审核月份）", mk_pollutionHint: "许可排放量为企业在用排放口排污许可证所载年许可排放量之和；已排放为当年已审核月份的排放量。进度 = 已排放 ÷（许可排放量 × 已审核月数 ÷ 12），大于 1 表示按当前进度将超出全年许可量。", mk_ps_exceeded: "超出许可排放量", mk_ps_unpermitted: "无许可排放量", mk_ps_ahead: "进度超前", mk_ps_within: "许可范围内", mk_medium: "介质", mk_air: "废气", mk_water: "废水", mk_pollutant: "污染物", mk_permittedT: "许可排放量 (t)", mk_emittedT: "已排放 (t)", mk_monthsApproved: "已审核月数", mk_used: "使用比例", mk_pace: "进度", mk_noPermits: "没有登记许可排放量的排放口",
    mk_green: "可再生能源电力消纳责任权重", mk_greenHint: "本地区的消纳责任权重及完成情况由主管部门按当年通知录入；企业绿色电力消费比例按其为当年注销的绿证电量 ÷ 外购电量计算，电解铝企业与通知规定的比例对照。", mk_wTotal: "总量消纳责任权重", mk_wNonHydro: "非水电消纳责任权重", mk_wAluminium: "电解铝绿色电力消费比例", mk_wActualTotal: "总量完成", mk_wActualNonHydro: "非水电完成", mk_wDocument: "文件", mk_save: "保存", mk_notEntered: "尚未录入完成情况", mk_met: "达标", mk_notMet: "未达标，差 {p} 个百分点", mk_noWeight: "尚未录入该年度的消纳责任权重", mk_achievedVsObligation: "完成 / 责任权重", mk_aluminium: "电解铝", mk_yes: "是", mk_greenShare: "绿色电力消费比例", mk_targetShare: "目标比例", mk_short: "未达标", mk_noGreen: "没有注销绿证的企业或电解铝企业", mk_weightSaved: "已保存消纳责任权重",
    mk_projects: "自愿减排项目（CCER 与省级核证减排量）", mk_projectsHint: "项目业主登记项目并提交监测报告，减排量按方法学计算（森林与岩溶碳汇采用碳汇清单的方法，甲烷利用、余热余能和可再生能源发电采用本省电网平均排放因子）；审定与核查机构审定项目、核查监测报告；项目所在地主管部门签发减排量并赋予序号，签发后可用于碳排放配额清缴抵销（不超过 5%）或注销用于碳普惠。方法学均标注“未经原文核实”。", mk_projectId: "项目编号", mk_name: "名称", mk_methodology: "方法学", mk_location: "地点", mk_creditFrom: "计入期起", mk_creditTo: "计入期止", mk_register: "登记项目", mk_validate: "审定通过", mk_periodFrom: "监测期起", mk_periodTo: "监测期止", mk_submitReport: "提交监测报告", mk_owner: "项目业主", mk_validated: "已审定", mk_registered: "已登记，待审定", mk_issuedCredits: "已签发 (tCO₂e)", mk_noProjects: "尚无项目", mk_optional: "（选填）", mk_type: "项目类型", mk_crediting: "计入期", mk_period: "监测期", mk_reductionT: "计算减排量 (tCO₂e)", mk_creditsComputed: "可签发 (tCO₂e)", mk_creditsVerified: "核查确认 (tCO₂e)", mk_r_submitted: "待核查", mk_r_verified: "已核查，待签发", mk_r_returned: "已退回", mk_r_issued: "已签发", mk_action: "操作", mk_noReports: "尚无监测报告", mk_verify: "核查通过", mk_return: "退回", mk_returnWhy: "退回理由", mk_verifiedDone: "已核查通过", mk_returnedDone: "已退回", mk_issueCredits: "签发减排量", mk_issuedCreditsDone: "已签发减排量并记入业主账户", mk_validatedDone: "项目已审定", mk_registeredDone: "项目已登记", mk_reportDone: "已提交监测报告：可签发 {c} tCO₂e，待核查",
    mk_creditRetire: "注销减排量（碳普惠、碳中和）", mk_purpose: "用途", mk_p_inclusion: "碳普惠", mk_p_neutrality: "碳中和", mk_p_scope2: "范围二", mk_forYear: "用于年份", mk_retireCredits: "注销", mk_creditsRetired: "已注销 {q} 吨，用于{p}",
    f_lineId: "生产线编号", f_sector: "行业", f_atVerified: "按核查排放量分配", f_outputT: "产量", f_periodFrom: "监测期起", f_periodTo: "监测期止", f_credits: "核查确认的减排量", f_note: "说明", f_owner: "项目业主", f_methodology: "方法学", f_creditingFrom: "计入期起", f_creditingTo: "计入期止", f_id: "编号", f_name: "名称", f_purpose: "用途", f_forYear: "用于年份", f_seller: "出让方", f_quantityTce: "数量（tce）", f_obligationTotal: "总量消纳责任权重", f_obligationNonHydro: "非水电消纳责任权重", f_aluminiumShare: "电解铝绿色电力消费比例", f_actualTotal: "总量完成", f_actualNonHydro: "非水电完成", f_document: "文件", f_level: "能效水平", f_inputs: "监测数据", f_project: "项目", f_area_ha: "造林面积", f_increment_m3_ha_yr: "单位面积年蓄积生长量", f_bcef: "生物量转换与扩展因子", f_root_shoot: "根冠比", f_carbon_fraction: "含碳率", f_baseline_t: "基线碳汇量", f_leakage_t: "泄漏", f_runoff_m3_yr: "流域年径流量", f_hco3_mg_l: "HCO₃⁻ 浓度", f_ch4_destroyed_t: "销毁的甲烷", f_electricity_mwh: "发电量", f_project_electricity_mwh: "项目自身耗电",
    sy_by: "比较对象", sy_byRegion: "下级地区", sy_byPark: "产业园区", sy_park: "园区", sy_parkLevel: "按园区比较时不显示地图（园区无行政区划图）。",
    fa_library: "技术库措施", fa_noLibrary: "（不选）",
    po_templateXlsx: "下载 Excel 模板", po_templateCsv: "下载 CSV 模板", po_formTitle: "逐项填报", po_quantity: "排放量", po_activity: "活动水平",
    po_coefficient: "产污系数", po_removal: "去除效率 η", po_rate: "运行率 k", po_basisHint: "排放量 = 活动水平 × 产污系数 × (1 − η × k)，可留空由平台计算",
    po_monthsTitle: "月度核查状态", po_comment: "核查意见", po_DRAFT: "草稿", po_SUBMITTED: "已提交待核查", po_RETURNED: "已退回", po_APPROVED: "已核定（锁定）",
    po_done_submit: "{p} 已提交核查", po_done_approve: "{p} 已核定并锁定", po_done_return: "{p} 已退回企业修改", po_submit: "提交核查", po_approve: "核定",
    po_return: "退回", po_decidedBy: "核查人", po_actions: "操作", po_saved: "{p} 的该项污染物已保存", po_queue: "污染物月报待核定",
    po_tax: "税额（元）", po_none: "该年度尚无污染物排放数据", po_imported: "已导入 {n} 行（{m} 个月）",
    sy_band0: "极度失调", sy_band1: "严重失调", sy_band2: "中度失调", sy_band3: "轻度失调", sy_band4: "濒临失调", sy_band5: "勉强协调", sy_band6: "初级协调", sy_band7: "中级协调", sy_band8: "良好协调", sy_band9: "优质协调",
    sy_alpha: "污染减排权重 α（碳减排权重为 1 − α）", sy_mapBy: "地图显示", sy_d: "耦合协调度 D", sy_dHint: "耦合协调度：U₁、U₂ 为各地区大气污染当量与二氧化碳相对上年减排率在参与比较地区间的极差标准化得分；C = 2√(U₁U₂)/(U₁+U₂)，T = αU₁ + (1−α)U₂，D = √(C·T)，按 D 排名并按十级分类（0–0.1 极度失调 … 0.9–1 优质协调）。",
    sy_measures: "同时减污降碳的措施（技术库）", sy_rank: "排名", sy_band: "协调等级", sy_noMeasures: "技术库中尚无同时注明降碳率与污染物减排率的措施", sy_noMap: "该地区没有下级行政区划图。", sy_mapNote: "行政区划图仅供示意，正式使用请按配置替换为经审核（审图号）的地图。",
    ms_co2: "降碳率（%）", ms_pollutant: "大气污染当量减排率（%）",
    sy_tab: "减污降碳协同", sy_title: "减污降碳协同（与上年比较）", sy_hint: "各下级地区已填报企业的直接排放（范围一）与大气污染当量（按《环境保护税法》污染当量值汇总）与上年相比：协同控制象限（Ⅰ 协同减排；Ⅱ 减污增碳；Ⅲ 两者均增；Ⅳ 降碳增污）与协同控制交叉弹性 Els =（ΔCO₂/CO₂）/（ΔAP/AP）。无两年数据的地区不计算。",
    sy_co2: "直接排放（吨CO₂）", sy_co2Cut: "较上年减排（吨）", sy_air: "大气污染当量", sy_airCut: "较上年减少当量", sy_quadrant: "协同象限", sy_els: "交叉弹性 Els",
    sy_q1: "Ⅰ 协同减排", sy_q2: "Ⅱ 减污增碳", sy_q3: "Ⅲ 两者均增", sy_q4: "Ⅳ 降碳增污", sy_noData: "无两年数据",
    sk_tab: "碳汇", sk_title: "碳汇清单", sk_hint: "森林、草地、湿地等碳库的年度清除量（负值）：IPCC 2006 增量法、省级清单指南森林蓄积法或碳储量差值法，每个参数由清单提供。碳汇单独列示，不抵扣区域排放总量；净排放仅供参考。",
    sk_summary: "{y} 年碳汇清除量 {r} 吨CO₂；区域统计排放 {g} 吨CO₂；净排放（仅供参考）{n} 吨CO₂", sk_noGross: "（无统计数据）", sk_pool: "碳库", sk_method: "方法",
    sk_removals: "清除量（吨CO₂）", sk_none: "该年度尚无碳汇数据", sk_import: "导入碳汇清单", sk_imported: "已导入 {n} 行（{m} 个地区年度）",
    sk_forest: "森林", sk_grassland: "草地", sk_wetland: "湿地", sk_cropland: "农田", sk_shrubland: "灌木林", sk_bamboo: "竹林", sk_urban_green: "城市绿地", sk_karst: "岩溶（碳酸盐岩风化）",
    sk_gain: "IPCC 增量法", sk_provincial: "省级清单指南森林蓄积法", sk_stock_difference: "碳储量差值法", sk_karstMethod: "岩溶水化学径流法",
    ms_tab: "措施库", ms_title: "节能降碳技术库", ms_hint: "每项措施须注明来源（推荐目录、标准或案例）；节能率、投资与回收期只按来源所述填写，未述明的留空。未达标杆水平的设施按产品（或企业所属行业）自动推荐库中措施，低于基准水平的须改造。",
    ms_name: "措施名称", ms_energy: "节能率（%）", ms_cost: "投资（万元）", ms_payback: "回收期（年）", ms_source: "来源", ms_add: "加入措施库", ms_added: "已加入措施库",
    ms_none: "措施库尚无措施", ms_anyProduct: "（不限产品）",
    dg_title: "节能诊断", dg_recommended: "未达标杆水平设施的推荐措施", dg_level: "能效水平", dg_mustRenovate: "低于基准水平（须改造）", dg_belowBenchmark: "标杆与基准之间", dg_date: "诊断日期", dg_findings: "诊断发现", dg_measure: "推荐措施", dg_expected: "预计节能量（tce/年）",
    dg_implemented: "实施日期", dg_save: "记录诊断", dg_saved: "已记录诊断", dg_noLaggard: "本年度所有设施均达到标杆水平", dg_value: "单位产品能耗", dg_measures: "库中措施",
    dg_noMeasure: "措施库中暂无适用措施", dg_noneChosen: "（不选）", dg_realised: "实施前后12个月能耗变化（tce）", dg_noAccounts: "核算数据不足", dg_none: "尚无诊断记录",
    roadmap: "碳达峰路线图", rm_version: "版本", rm_export: "导出", rm_identity: "CO₂ = GDP × 单位GDP能耗 × （1 − 非化石能源占比） × 化石能源碳排放系数；情景自最后一个统计年份起算。",
    rm_paths: "历史与情景路径（CO₂，吨）", rm_compare: "情景比较", rm_checks: "与目标比较", rm_drivers: "情景驱动因素",
    rm_driversHint: "增速与下降率为每年百分比，自所填年份起执行至下一阶段；非化石能源占比（%）与化石能源碳排放系数（tCO₂/tce）在所填年份达到，其间线性过渡。",
    rm_toYear: "情景终止年份", rm_project: "试算", rm_note: "版本说明", rm_save: "保存为新版本", rm_waterfall: "历史排放变化分解（LMDI）",
    rm_pathway: "由情景生成目标", rm_pathwayHint: "以已保存版本中所选情景在目标年份达到的强度下降幅度为本地区目标，并按统一比例分解到下级地区。",
    rm_scenario: "情景", rm_makeTargets: "生成目标并分解", rm_stepYear: "阶段年份", rm_stepValue: "阶段取值", rm_yearFrom: "年起", rm_addStep: "增加阶段",
    rm_gdpGrowth: "GDP增速（%/年）", rm_intensityFall: "单位GDP能耗下降率（%/年）", rm_nonFossil: "非化石能源占比目标（%）", rm_fossilFactor: "化石能源碳排放系数目标（tCO₂/tce）",
    rm_history: "历史", rm_peak: "峰值", rm_notWithin: "（终止年仍在上升）", rm_peakAtBase: "（基年即最高，此后下降）", rm_peakYear: "峰值年份", rm_peakCo2: "峰值CO₂（吨）",
    rm_spread: "峰值年份中位数（5%–95%）", rm_co2in2030: "2030年CO₂（吨）", rm_nf2030: "2030年非化石能源占比", rm_years: "年份",
    rm_targetValue: "目标", rm_reached: "情景达到", rm_verdict: "结论", rm_noBase: "基年无统计数据", rm_meets: "达到", rm_misses: "未达到",
    rm_shortHistory: "统计数据不足两年，无法分解", rm_increase: "增加", rm_decrease: "减少", rm_factor: "因素", rm_additive: "加法分解（吨）",
    rm_f_gdp: "经济规模（GDP）", rm_f_energy_intensity: "能耗强度", rm_f_fossil_share: "化石能源占比", rm_f_fossil_factor: "化石能源碳排放系数", rm_f_TOTAL: "合计",
    rm_proposed: "建议情景（由历史统计趋势推出，尚未保存）", rm_versionN: "第 {n} 版", rm_latest: "最新版本", rm_tried: "已试算（未保存）",
    rm_saved: "已保存为第 {n} 版", rm_targetMade: "已生成目标：下降 {v}，已分解到 {n} 个下级地区。", rm_toTargets: "查看目标与预警",
    rm_d_gdpGrowth: "GDP增速", rm_d_intensityFall: "单位GDP能耗下降率", rm_d_nonFossilShare: "非化石能源占比", rm_d_fossilFactor: "化石能源碳排放系数",
    rm_d_gdpSd: "增速标准差", rm_d_key: "情景标识", rm_d_name: "情景名称", rm_d_toYear: "情景终止年份", rm_d_scenarios: "情景", rm_d_scenario: "情景",
    rm_d_indicator: "指标", rm_d_industry: "行业", rm_d_baseYear: "基年", rm_d_note: "版本说明", rm_d_body: "请求",
    monitoring: "在线监测", steering: "能效与双控", meters: "计量器具", meter: "表计", latest: "最新读数", today: "今日用量", thisMonth: "本月用量",
    completeness: "数据完整率", health: "状态", quality: "数据质量", rejected: "被拒数据", reason: "原因", silent: "中断",
    passes: "达标", reconciliation: "计量与填报对比", metered: "计量值", deviation: "偏差", gapDays: "缺数天数", lateStamps: "时标超差", dailyVsMonthly: "日月偏差超限", time: "时间",
    mapIndicator: "地图指标", mapTitle: "地图", gapNote: "未填报的月份留空，不按零计。", targetWarnings: "目标预警",
    unfiledTitle: "未按时填报企业", coverageByRegion: "各地区填报覆盖率", coverageByIndustry: "各行业填报覆盖率",
    inventoryTitle: "自上而下清单与自下而上企业合计",
    inventoryHint: "地区统计（能源消费 CO₂、能源消费总量）与已填报企业直接排放、综合能耗之和的对比；覆盖率 = 企业合计 ÷ 地区统计，缺口 = 地区统计 − 企业合计。",
    mi_direct: "已填报企业直接排放（范围一）", mi_energy: "已填报企业综合能耗", mi_intensity: "已填报企业碳排放强度", mi_coverage: "填报覆盖率 (%)",
    mi_warning: "目标预警等级", yi: "亿", wan: "万", noYearData: "{p} 尚无已核查通过的填报数据：以下不是零排放，而是没有数据。",
    yoy: "同比", mom: "环比", energyFiled: "已填报企业综合能耗 (tce)",
    energyHint: "已填报企业的综合能源消费量之和（企业口径，GB/T 2589），不是地区能源消费总量（见下方“自上而下清单”）。",
    intensityFiled: "已填报企业碳排放强度（范围一+范围二 ÷ 增加值，tCO₂e/万元）",
    intensityHint: "已填报企业的范围一与范围二排放之和除以其增加值（企业口径）；目标页的“单位地区生产总值二氧化碳排放”按地区统计（能源消费 CO₂ ÷ 地区生产总值）计算，两者口径不同。",
    energyIntensityFiled: "已填报企业能耗强度（tce/万元增加值）", energyIntensityHint: "已填报企业综合能耗除以其增加值（企业口径），不是地区单位 GDP 能耗。",
    coverageHint: "所选期间已有核查通过数据的企业数 ÷ 登记企业数。", notFiled: "未填报", noMap: "该地区没有下级行政区划图，请在下方查看其企业。",
    mapNote: "点击地区下钻。行政区划图仅供示意，正式使用请按配置替换为经审核（审图号）的地图。", noTargetsHere: "该地区尚未设定目标",
    totalFiled: "范围一+范围二 (tCO₂e)",
    unfiledSummary: "{p}（截止 {d}）：登记企业 {n} 家，已提交 {f} 家，其中按时 {o} 家；需跟进 {u} 家。", creditCode: "统一社会信用代码",
    contact: "联系人及电话", filingAccounts: "填报账号", standing: "情况", daysLate: "逾期天数", allFiled: "所有企业均已按时提交",
    fs_NOT_DUE: "未到截止日、尚未提交", fs_MISSING: "逾期未填报", fs_RETURNED: "被退回、逾期未重报", fs_LATE: "逾期提交", fs_ON_TIME: "按时提交",
    subjectName: "名称", onTime: "按时", noStatistics: "无统计数据", topDownCo2: "地区统计 CO₂ (t)", bottomUpDirect: "企业直接排放合计 (t)",
    inventoryCoverage: "覆盖率", inventoryGap: "缺口 (t)", topDownEnergy: "地区能源消费总量 (tce)", bottomUpEnergy: "企业综合能耗合计 (tce)", filedOfAll: "已填报/登记",
    findEnterprise: "查找企业（名称、信用代码、行业、地区）", noMatch: "没有符合的企业",
    adminTitle: "系统管理", ad_tabUsers: "用户与角色", ad_tabTokens: "令牌", ad_tabRegistry: "企业与地区登记", ad_tabFactors: "排放因子集",
    ad_newUser: "新建用户", ad_displayName: "姓名", ad_role: "角色", ad_regionScope: "管辖地区", ad_enterpriseCode: "企业信用代码",
    ad_verifies: "核查的企业（信用代码，逗号分隔）", ad_firstPassword: "初始密码", ad_create: "创建", ad_users: "用户与角色",
    r_ADMIN: "系统管理员", r_GOVERNMENT: "政府用户", r_ENTERPRISE: "企业用户", r_VERIFIER: "核查人员", ad_scope: "权限范围",
    ad_verifiesN: "核查 {n} 家企业", ad_everything: "全部", ad_disabled: "已停用", ad_enabled: "启用中", ad_actions: "操作",
    ad_enable: "启用", ad_disable: "停用", ad_resetPassword: "重置密码", ad_disabledDone: "已停用用户 {u}", ad_enabledDone: "已启用用户 {u}",
    ad_newPasswordFor: "为 {u} 设置新密码（至少 12 个字符）：", ad_passwordReset: "已重置 {u} 的密码", ad_userCreated: "已创建用户 {u}，权限范围：{s}",
    ad_tokens: "接口与采集网关令牌", ad_tokensHint: "令牌本身从不显示；撤销后立即失效。", ad_tokenKind: "类型", tk_API: "接口令牌", tk_GATEWAY: "采集网关令牌",
    ad_owner: "所属", ad_expires: "到期", ad_noExpiry: "不过期", ad_lastUsed: "最近使用", ad_neverUsed: "从未使用", ad_revoked: "已撤销令牌 {n}",
    ad_active: "有效", ad_expired: "已过期", ad_revokeConfirm: "确定撤销令牌“{n}”？撤销后使用它的程序将被拒绝。",
    ad_enterpriseEntry: "企业登记（新建或修改，修改地区即迁移）", ad_loadEntry: "读取", ad_enterpriseName: "企业名称", ad_keyEnergyUnit: "重点用能单位",
    ad_contactPerson: "联系人", ad_contactPhone: "联系电话", ad_entryChanged: "已修改 {n}（{r}）", ad_entryCreated: "已登记 {n}（{r}）",
    ad_regionsIndustries: "地区与行业", ad_regionsHint: "地区（GB/T 2260）与行业（GB/T 4754-2017）随版本化的参考数据发布，在此查阅。",
    ad_regionCode: "区划代码", ad_parent: "上级", fs_kind: "类别", fs_item: "项目", fs_qualifier: "限定", fs_value: "数值", fs_valid: "有效期", fs_confidence: "可信度",
    tg_new: "新建目标", tg_base: "基年", tg_targetYear: "目标年", tg_decompose: "分解", tg_uniform: "按统一比例建议", tg_saveDecomposition: "保存分解",
    tg_decomposeHint: "为每个下级地区填写目标值，边填边检查与上级目标是否一致；“按统一比例建议”按基年统计数据提出各地区的值。",
    tg_created: "已创建目标 #{id}，请在下方分解到下级地区", tg_fillIn: "填写下级地区的目标值后即检查一致性", tg_inconsistent: "与上级目标不一致，尚未保存：",
    tg_consistent: "与上级目标一致：下级目标合计相当于 {v}", tg_decomposed: "已保存分解（{n} 个地区）",
    sx_import: "导入地区统计数据", sx_upload: "导入", sx_gdp: "地区生产总值（万元）", sx_energy: "能源消费总量 (tce)", sx_co2: "能源消费 CO₂ (t)",
    sx_chooseFile: "请先选择文件（.xlsx 或 UTF-8 CSV）", sx_imported: "已导入 {n} 个地区年度", st_noYearData: "{y} 年尚无已核查通过的填报数据，以下列表不含该年度的企业数据。",
    f_region: "地区", f_item: "统计项目", f_price_base_year: "价格基年", f_children: "下级目标", f_value: "目标值", f_name: "名称", f_capacity: "产能",
    f_industry: "行业", f_product: "产品", f_designedEnergyTce: "设计能耗", f_designedCo2: "设计排放", f_capacityUnit: "产能单位", f_kind: "类别",
    f_username: "用户名", f_displayName: "姓名", f_role: "角色", f_password: "密码", f_enterprise: "企业", f_code: "信用代码", f_contactPhone: "联系电话",
    f_contactPerson: "联系人", f_indicator: "指标", f_baseYear: "基年", f_targetYear: "目标年", f_document: "依据文件", f_commissioned: "投产日期", f_status: "状态",
    pj_detail: "项目详情", pj_document: "批复文件", pj_commissioned: "投产日期", pj_history: "办理记录", pj_ledger: "减量替代台账", pj_kind: "替代类别",
    pj_source: "来源（关停或压减的项目）", pj_addLine: "添加台账", pj_new: "登记两高项目", pj_designCo2: "设计排放 (tCO₂)", pj_register: "登记", pj_designValue: "设计单位产品能耗",
    pj_to: "转为：{s}", pj_from: "原状态", pj_toStatus: "新状态", pj_moved: "项目已转为“{s}”", pj_registered: "已登记项目",
    sk_CAPACITY: "产能", sk_COAL: "煤炭消费", sk_ENERGY: "能耗", sk_CARBON: "碳排放", sk_POLLUTANT: "污染物",
    mo_failingOnly: "只看未达标企业", mo_trend: "数据质量走势（近 6 个月）", mo_meterDays: "表计逐日数据", mo_consumption: "用量", mo_day: "日期",
    mo_readings: "读数条数/应有", mo_gapMinutes: "缺数时长（分钟）", mo_filed: "填报值", mo_threshold: "允许偏差", mo_notReconciled: "尚无填报可比",
    mo_flagged: "偏差超限", mo_agrees: "一致", mo_noReconciliation: "本月尚无计量与填报对比", mo_silentMeters: "中断表计", mo_passes: "达标",
    mo_fails: "未达标", mo_avgCompleteness: "平均数据完整率", mo_passingShare: "达标企业占比", mo_count: "条数",
    fs_name: "名称", fs_edition: "第{n}版", oc_results: "结果数", oc_changed: "有变化", oc_scope1: "范围一 (tCO₂e) 重算前 → 后", oc_scope2: "范围二 (tCO₂) 重算前 → 后",
    oc_NO_RESULTS: "该地区没有已核算的月份，无需重新核算。",
    oc_SAME_SETS: "{t} 个结果均未变化：这些月份仍使用原来的因子集（该地区或其下级另有启用的因子集，或新启用的因子集尚未到生效日期）。",
    oc_SAME_VALUES: "{t} 个结果均未变化：新因子集中这些企业所用的因子与原来相同。", oc_CHANGED: "{t} 个结果中 {n} 个有变化：",
    fa_title: "设施与节能改造计划", fa_commissioned: "投运日期", fa_save: "保存设施", fa_new: "新设施", fa_plans: "节能改造计划",
    fa_targetValue: "改造后单位产品能耗", fa_addPlan: "添加计划", fa_update: "保存修改", fa_edit: "修改", fa_doneAt: "完成日期",
    fa_planMoved: "“{m}”已改为{s}", fa_updated: "已修改设施 {n}", fa_registered: "已登记设施 {n}", fa_planAdded: "已添加改造计划“{m}”",
    f_measure: "改造措施", f_deadline: "截止日期", f_targetValue: "改造后单位产品能耗", f_equipment: "装置",
    ad_merge: "合并重复登记的企业", ad_mergeHint: "同一企业登记了两次时，把重复的登记并入保留的登记：其填报、核算结果、设施、计量器具、令牌、用户、目标与项目一并转入，重复的登记随后删除。两家企业有相同月份的填报时不能合并。",
    ad_mergeFrom: "重复的登记（信用代码）", ad_mergeInto: "并入（保留的信用代码）", ad_mergeDo: "合并", ad_mergeConfirm: "确定把 {a} 并入 {b}？{a} 的登记将被删除。",
    ad_merged: "已把 {a} 并入 {b}（转入 {n} 条记录）", ad_cancelEdit: "取消修改", ad_userChanged: "已修改用户 {u}，权限范围：{s}", f_into: "并入的企业",
    datacentres: "数据中心", dc_title: "数据中心能耗监测", dc_hint: "电能利用效率 PUE = 数据中心总输入电量 ÷ IT 设备电量，按同一日历区间（日、月、年）的日统计计算，不取瞬时值；总输入或 IT 设备表计某日缺数时，该日及所在月份、年份不计 PUE，只列出缺数的日期。能效等级按 GB 40879-2021；目标值为内置参考数据，标注“未经原文核实”。",
    dc_cluster: "集群", dc_allClusters: "全部", dc_ranked: "数据中心 PUE（高于目标的在前）", dc_worklist: "在线监测与能源计量审查工作清单（1 万吨标准煤）",
    dc_worklistHint: "近 12 个月综合能耗（当量值，电力 0.1229 kgce/kWh）达到 1 万吨标准煤的数据中心应全部纳入重点用能单位在线监测系统并开展能源计量审查；上一年度核算综合能耗达到 1 万吨标准煤的企业为重点用能单位，5000 吨至 1 万吨的可由省级节能主管部门指定。",
    dc_flaggedCentres: "达到 1 万吨标准煤的数据中心", dc_keyUnits: "重点用能单位（按上一年度核算综合能耗）", dc_ofEnterprise: "本企业的数据中心",
    dc_code: "编号", dc_name: "数据中心", dc_noCluster: "不属于国家枢纽集群", dc_status: "状态", dc_s_operating: "运行", dc_s_construction: "在建", dc_s_planned: "规划",
    dc_cooling: "制冷方式", dc_c_water: "水冷", dc_c_air: "风冷", dc_c_evaporative: "间接蒸发冷却", dc_c_free: "自然冷却", dc_c_liquid: "液冷",
    dc_itKw: "设计 IT 容量（kW）", dc_racks: "机架数", dc_commissioned: "投运年份", dc_register: "登记数据中心", dc_yearToDate: "本年累计",
    dc_monthly: "逐月 PUE", dc_daily: "逐日 PUE（近 31 天）", dc_meters: "计量表计（按位置）", dc_position: "位置", dc_place: "设置位置",
    dc_utilisation: "IT 利用率（%）", dc_pflops: "算力（PFLOPS）", dc_fileComputing: "填报算力", dc_latestMonth: "最近完整月", dc_grade: "能效等级",
    dc_target: "目标 PUE", dc_aboveTarget: "对照目标", dc_above: "高于目标", dc_within: "达到目标", dc_renewable: "可再生能源占比",
    dc_trailingTce: "近 12 个月综合能耗（tce）", dc_incompleteMonths: "不完整月数", dc_none: "暂无数据中心", dc_since: "首次达到的月份",
    dc_noneFlagged: "没有达到 1 万吨标准煤的数据中心", dc_energyTce: "上年综合能耗（tce）", dc_tier: "类别", dc_tier_key: "重点用能单位（≥1 万吨标准煤）",
    dc_tier_designated: "可指定（5000–1 万吨标准煤）", dc_online: "在线监测", dc_isOnline: "已接入", dc_notOnline: "未接入",
    dc_registered: "已登记数据中心“{n}”", dc_g0: "超过限定值", dc_g1: "1 级", dc_g2: "2 级", dc_g3: "3 级",
    dc_f_incomplete: "不完整", dc_f_it_above_total: "IT 电量大于总输入电量（数据质量问题）", dc_f_it_zero: "无 IT 设备电量",
    dc_rule: "1 万吨标准煤规则", dc_flagged: "已达到，应纳入在线监测并开展能源计量审查",
    dc_incompleteDays: "缺数日期", dc_noneIncomplete: "无", dc_totalKwh: "总输入电量（kWh）", dc_itKwh: "IT 设备电量（kWh）",
    dc_location: "排放（基于位置）", dc_market: "排放（基于市场）", dc_kwhPerPflops: "单位算力电耗（kWh/PFLOPS）", dc_day: "日期",
    dc_p_total: "总输入", dc_p_it: "IT 设备（UPS 输出或 PDU）", dc_p_cooling: "制冷", dc_p_other: "照明及其他", dc_p_onsite_renewable: "自建可再生能源发电", dc_p_green_purchased: "购入绿色电力",
    dc_noMeters: "尚未设置表计位置", dc_placed: "已设置计量点 {m} 的位置", dc_computingFiled: "已填报算力", dc_section: "数据中心",
  },
  en: {
    app: "Peakline dual-carbon platform", dashboard: "One network", account: "Carbon account", filing: "Filing", queue: "Verification queue", admin: "Administration",
    logout: "Sign out", login: "Sign in", username: "Username", password: "Password", lang: "中文",
    emissions: "Emissions (tCO₂e)", energy: "Energy (tce)", valueAdded: "Value added (10⁴ yuan)", intensity: "Carbon intensity (tCO₂e/10⁴ yuan)",
    energyIntensity: "Energy intensity (tce/10⁴ yuan)", coverage: "Filing coverage", enterprises: "Enterprises", filed: "Filed",
    scope1: "Scope 1", scope2: "Scope 2",
    direct: "Direct emissions, scope 1 (tCO₂e)", indirect: "Purchased electricity and heat, scope 2 (tCO₂)",
    directHint: "Fuel combustion and process emissions of the filed enterprises. A region's emissions never add enterprises' scope 1 and scope 2: purchased electricity is already in the power plants' scope 1.",
    indirectHint: "Net purchased electricity and heat of the filed enterprises, shown apart from scope 1 and not added to the region's direct emissions.", combustion: "Fuel combustion", process: "Industrial process", electricity: "Purchased electricity", heat: "Purchased heat",
    year: "Year", month: "Month", all: "Whole year", region: "Region", industry: "Industry", enterprise: "Enterprise", rank: "Rank",
    byRegion: "Direct emissions (scope 1) by region", monthly: "Monthly trend", industryMix: "Industry mix", topEmitters: "Largest emitters", drill: "Drill down",
    period: "Period", status: "Status", version: "Version", source: "Source", why: "Why (provenance)", history: "Years", facilities: "Facilities",
    fileMonth: "File a month", upload: "Upload template", template: "Download template", addLine: "Add a line", save: "Save draft", submit: "Submit",
    approve: "Approve", giveBack: "Return", comment: "Comment", carrier: "Carrier", use: "Use", amount: "Amount", unit: "Unit",
    product: "Product", output: "Value added", lines: "Lines", audit: "Audit trail", factorSets: "Factor sets", activate: "Activate",
    setId: "Factor set", setVersion: "Version", publication: "Publication", loadedAt: "Loaded",
    sDRAFT: "Draft", sSUBMITTED: "Submitted", sRETURNED: "Returned", sAPPROVED: "Approved", sSUPERSEDED: "Superseded",
    srcFORM: "Form", srcUPLOAD: "Upload", srcMETERS: "Meters",
    ucombustion: "combustion", ufeedstock: "feedstock", uprocess: "process", upurchased: "purchased", uexported: "exported",
    queueEmpty: "Nothing awaits your review", h_OK: "OK", h_SILENT: "silent", h_INCOMPLETE: "incomplete", h_REMOVED: "removed", sheetTitle: "Calculation sheet", electricity_exported: "Exported electricity", heat_exported: "Exported heat", u_fraction: "fraction", sheetEntered: "entered", sheetLine: "line {n}", sheetSource: "Source", sheetItem: "Item · category",
    sheetFactors: "Factors used (document and version)", sheetCo2: "Emissions (tCO₂e)", sheetTce: "Energy (tce)",
    sheetUncertainty: "Uncertainty of the total (IPCC Approach 1, 95 %)", sheetMethod: "Method", technical: "Technical detail (formulas and sources in full)",
    unconfirmed: "not verified against the document", f_ncv: "NCV", f_cc: "carbon content", f_of: "oxidation rate", f_grid: "grid factor",
    f_heat: "heat factor", f_tce: "standard-coal coefficient", f_gwp: "GWP", f_process: "process factor", todo: "To do", todo_toFile: "Months to file",
    todo_open: "Drafts, returned and submitted", todo_meters: "Meter data problems last month", todo_plans: "Overdue renovation plans",
    todoNone: "Nothing to do", deadline: "due", overdue: "overdue", days: "days",
    mp_silent: "silent", mp_completeness: "incomplete data", mp_stamps: "late time stamps", mp_dailyVsMonthly: "daily and monthly disagree", search: "Search", totalCount: "Total", rowsUnit: "rows", prevPage: "Previous", nextPage: "Next", submittedAt: "Submitted",
    daysWaiting: "Days waiting", loading: "Loading…",
    gradeAndEfficiency: "Carbon-efficiency grade and efficiency classes", peerGroup: "peer group", allIndustries: "all industries",
    notGraded: "not graded (no twelve approved months or no value added in the year)",
    "rj_message.encoding": "the file is not UTF-8", "rj_message.malformed": "malformed message", "rj_message.unreadable": "unreadable message",
    "rj_meter.missing": "no meter code", "rj_meter.unknown": "meter not registered", "rj_meter.not_in_service": "meter not in service",
    "rj_meter.unit": "wrong unit for the meter", "rj_reading.absurd": "reading out of range", "rj_reading.conflict": "a different reading at that time",
    "rj_reading.future": "reading in the future", "rj_reading.archived": "month moved to the archive", "rj_reading.negative": "negative reading", "rj_reading.timestamp": "bad or out-of-range time stamp",
    "rj_reading.unit": "wrong unit", "rj_reading.value": "not a number", "rj_row.shape": "row does not fit the header",
    "rj_auth.scope": "token may not report for this enterprise", "rj_auth.token": "token invalid or revoked",
    manageMeters: "Register and replace meters", meterPoint: "Metering point", meterName: "Name", meterKind: "Kind", kREGISTER: "register reading",
    kINTERVAL: "interval consumption", multiplier: "Multiplier", intervalMinutes: "Interval (minutes)", installedOn: "Installed / replaced on",
    registerMeter: "Register", replaceFinal: "Old meter's final reading", replaceInitial: "New meter's initial reading",
    replaceMeter: "Replace the meter at this point", gatewayTokens: "Gateway tokens", createToken: "New token", tokenName: "Token name",
    createdAt: "Created", tokenRevoked: "revoked", tokenActive: "active", revoke: "Revoke", meterRegistered: "Registered",
    meterReplaced: "Replaced", tokenShownOnce: "The token is shown only now, configure it in the gateway —",
    f_temperature: "Temperature", f_tonnes: "Mass", f_pressure: "Pressure", f_year: "Year",
    attachments: "Attachments", attach: "Attach", attached: "Attached", fileName: "File", size: "Size", remove: "Remove", noAttachments: "No attachments",
    a_filing_attach: "attachment added", a_filing_detach: "attachment removed",
    myTargets: "The enterprise's targets and warnings", noTargets: "No target has been set for the enterprise",
    firstThousand: "the 1,000 largest only", finding: "Finding (this line)", lineN: "line {n}",
    allLevels: "All", st_yearN: "{n}", st_notYet: "not yet met (target year {y})", st_notMet: "not met (target year {y})", exportExcel: "Excel", st_tabEfficiency: "Efficiency lists", st_tabTargets: "Targets and warnings", st_tabProjects: "Two-high projects",
    st_tabGrades: "Carbon-efficiency grades", st_shares: "Capacity at benchmark and the 2025 targets", st_list: "Efficiency list",
    st_plans: "Renovation plans of laggards", st_targets: "Targets and warnings", st_assessment: "Annual assessment report",
    st_projects: "Two-high project register", st_grades: "Enterprises' carbon-efficiency grades", st_ADVANCED_list: "At benchmark (advanced list)",
    st_LAGGARD_list: "Below baseline (laggard list)", st_facilities: "Facilities", st_facility: "Facility", st_capacity: "Capacity",
    st_shareAdvanced: "At benchmark", st_shareLaggard: "Below baseline", st_target: "Target", st_conclusion: "Conclusion",
    st_twoHighSectors: "key two-high sectors", st_met: "met", st_equipment: "Equipment", st_indicator: "Indicator", st_perUnit: "Per unit of product",
    st_benchBase: "Benchmark / baseline", st_level: "Level", st_gbGrade: "Limit grade", st_leader: "front-runner", st_belowLimit: "below the limit",
    st_gradeN: "grade {n}", st_limitGradeN: "grade {n}", st_measure: "Measure", st_warning: "Warning", st_daysLeft: "{n} days left", st_noPlan: "(no renovation plan)",
    st_laggardNoPlan: "laggard without a plan", st_subject: "Subject", st_years: "Base—target year", st_targetValue: "Target",
    st_baseValue: "Base year", st_required: "Required", st_actual: "Actual", st_assessmentResult: "Assessment", st_document: "Document",
    st_project: "Project", st_sector: "Sector", st_designEnergy: "Design energy (tce)", st_designLevel: "Design level", st_disposal: "Disposal",
    st_actualEnergy: "Actual energy (tce)", st_vsDesign: "Against design", st_exceeds: "above design", st_within: "within design",
    st_enterprises: "enterprises", st_co2: "CO₂ (t)", st_carbonLevel: "Carbon level", st_grade: "Grade",
    ec_ADVANCED: "at benchmark", ec_BETWEEN: "between benchmark and baseline", ec_LAGGARD: "below baseline", ec_UNCLASSIFIED: "cannot be classified",
    pl_PLANNED: "planned", pl_IN_PROGRESS: "in progress", pl_DONE: "done", pl_RETIRED: "retired",
    ind_CARBON_INTENSITY: "CO₂ per unit of GDP, reduction", ind_CARBON_TOTAL: "CO₂ total", ind_ENERGY_INTENSITY: "Energy per unit of GDP, reduction",
    ind_ENERGY_TOTAL: "Energy consumption total", ind_NON_FOSSIL_SHARE: "Non-fossil share of energy",
    w_GREEN: "green (level 3)", w_ORANGE: "orange (level 2)", w_RED: "red (level 1)", w_NO_DATA: "no data",
    as_COMPLETED: "completed", as_BASICALLY_COMPLETED: "basically completed", as_NOT_COMPLETED: "not completed", as_NO_DATA: "cannot be assessed",
    ps_PROPOSED: "proposed", ps_UNDER_REVIEW: "under energy review", ps_APPROVED: "approved", ps_REFUSED: "refused",
    ps_UNDER_CONSTRUCTION: "under construction", ps_OPERATING: "operating", ps_CLOSED: "closed", gl_low: "low carbon", gl_mid: "medium carbon", gl_high: "high carbon",
    uncertainty: "Uncertainty (±%)", factorShort: "factor", annualReport: "Download the annual emissions report",
    reportReady: "Report downloaded",
    plan: "Monitoring plan", planBoundary: "Boundary and main emission facilities", planQa: "Internal quality control and assurance",
    planSave: "Save as a new version", planNone: "No monitoring plan kept yet", planVersion: "Version", planSavedBy: "saved by",
    planParameter: "Parameter", planMethod: "Determined by", planInstrument: "Instrument (name, model, location)",
    planAccuracy: "Accuracy class", planFrequency: "Monitoring frequency", planRecording: "Recording frequency",
    planMissing: "When data are missing", planDepartment: "Responsible department", planSaved: "Saved as a new version",
    choose: "Choose", removeLine: "Remove this line", f_carrier: "Carrier", f_use: "Use", f_quantity: "Amount", f_amount: "Amount", f_unit: "Unit",
    f_quality: "Data quality", f_uncertainty: "Uncertainty", f_period: "Period", f_valueAdded: "Value added",
    editLines: "Edit the lines", review: "Result and comparison", changes: "Changes from the previous version", calculation: "Calculation",
    thisVersion: "This version", lastMonth: "Last month (approved)", lastYear: "Same month last year (approved)", firstVersion: "The month's first version",
    noChanges: "Same as the previous version", changesSinceReturn: "Changed since it was returned", change: "Change", before: "Before", after: "After",
    c_added: "added", c_removed: "removed", c_changed: "changed", saveChanges: "Save changes", saved: "Saved",
    discard: "Discard", discardConfirm: "Discard this version? The month can be filed again; the record is kept.", withdraw: "Withdraw", correct: "Correct (new version)",
    verifierComment: "Verifier's comment", findingPlaceholder: "Finding (required to return: which line and why)",
    sDISCARDED: "Discarded", who: "By", what: "Action", detail: "Detail",
    a_filing_create: "created", a_filing_content: "lines changed", a_filing_submit: "submitted", a_filing_return: "returned",
    a_filing_approve: "approved", a_filing_withdraw: "withdrawn", a_filing_discard: "discarded", a_filing_supersede: "superseded by a correction",
    steamTool: "Steam to GJ", steamMass: "Mass (t)", steamPressure: "Absolute pressure (MPa)",
    steamTemperature: "Temperature (°C, blank for saturated)", steamConvert: "Convert to GJ and add a line",
    steamsaturated: "saturated steam", steamsuperheated: "superheated steam", steamEnthalpy: "enthalpy",
    quality: "Data quality", qNONE: "not stated", qMEASURED: "measured", qCALCULATED: "calculated", qESTIMATED: "estimated",
    qDEFAULT: "default", recompute: "Recompute", jobDONE: "Recomputed", jobFAILED: "Recomputation failed", jobINTERRUPTED: "Interrupted (resumed)",
    jobRUNNING: "Recomputing", loadSet: "Load a factor file", activeFrom: "Active from", noData: "No data", created: "Saved",
    filings: "Filings", total: "Total", months: "Months", open: "Open",
    rm_stirpat: "STIRPAT fit (ridge, on the region's own statistics)", rm_stirpatHint: "ln CO₂ = a + b·ln GDP + c·ln(energy/GDP) + d·ln(1 − non-fossil share); the drivers move together, so ridge regression (HKB constant, on centred and scaled predictors); coefficients are elasticities. The comparison's STIRPAT peak year puts the same driver paths through this model.",
    rm_stirpatPeak: "STIRPAT peak year", rm_noFit: "{n} year(s) of statistics: too few to fit (at least 5)", rm_term: "Term", rm_elasticity: "Coefficient (elasticity)",
    rm_t_const: "Intercept", rm_t_gdp: "ln GDP", rm_t_ei: "ln energy per GDP", rm_t_fossil: "ln fossil share", rm_kHkb: "Ridge constant k (HKB)",
    rm_industry: "Industry (GB/T 4754 code, empty for the whole region)", rm_show: "Show", rm_fromAccounts: "History from the accounts of the industry's enterprises in the region (years accounted in every month; value added as the economy, non-fossil share taken as 0)",
    rm_fromStatistics: "History from the region statistics", rm_industryTargetMade: "Industry target set: a fall of {v}.",
    po_title: "Pollutants and the environmental protection tax", po_hint: "File the taxable pollutants per month and outlet (air or water); pollution equivalents and the tax follow the Environmental Protection Tax Law's table: per air outlet the three largest, per water outlet the five largest first-class and three largest others (one of COD, BOD5, TOC). The tax uses the province's rates: enter them (the law's minimum by default).",
    po_airRate: "Air rate (yuan per equivalent)", po_waterRate: "Water rate (yuan per equivalent)", po_import: "Import pollutants", po_MEASURED: "measured", po_COEFFICIENT: "emission coefficient",
    po_MASS_BALANCE: "mass balance", po_totals: "Air pollution equivalents {air}, water {water}, environmental protection tax {tax} yuan", po_outlet: "Outlet", po_air: "air", po_water: "water",
    itemN: "item {n}", f_permittedT: "permitted quantity", f_outlet: "medium", f_pollutant: "pollutant", f_outlet_id: "outlet number", f_outletId: "outlet number", f_level: "measured value", f_limit: "standard's limit",
    f_heightM: "stack height", f_receivingWater: "receiving water", f_medium: "medium", f_facility: "facility", f_method: "method", f_activity: "activity",
    po_outletsTitle: "Registered outlets", po_outletId: "Outlet number", po_height: "Stack height (m)", po_receiving: "Receiving water",
    po_permits: "Permitted pollutants and quantities (t/yr)", po_register: "Register outlet", po_registered: "Outlet {id} registered", po_outletNone: "No outlet registered (not needed with one air or water outlet)",
    po_ACTIVE: "in service", po_CLOSED: "closed", po_close: "Close", po_reopen: "Reopen", po_closed: "Outlet {id} closed", po_reopened: "Outlet {id} reopened", po_permitBad: "Write permits as pollutant and quantity, separated by semicolons: \"二氧化硫 200; 氮氧化物 300\"",
    po_level: "Measured value (pH, colour)", po_limit: "Standard's limit (colour)", po_byOutlet: "By outlet", po_sum: "Total", po_noNumber: "(unnumbered)",
    po_synergyOutlets: "Air equivalents by outlet (year before → year): ", po_quantityOf: "Emission", po_sewage: "t of sewage", po_medium: "Medium",
    po_pollutant: "Pollutant", po_kg: "Emission (kg)", po_method: "Method", po_equivalents: "Equivalents", po_taxed: "Taxed", po_yes: "yes", po_no: "no",
    po_synergy: "Against the year before (approved months only): direct CO₂ cut {co2} t, air pollution equivalents cut {ap}, {q}, cross-elasticity Els {els}", po_synergyNone: "Against the year before: the quadrant and elasticity show once both years have approved pollutants and accounts", sy_enterpriseLevel: "This region has no subdivisions: its enterprises are listed and no map is shown.",
    fp_title: "Product carbon footprint", fp_hint: "Cradle to gate: the enterprise's own process takes the year's approved accounts (scope 1 and 2) allocated to the product by the chosen method; purchased inputs count at their supplier's or a database's footprint (the source named); solved as a matrix.", fp_allocation: "Allocation", fp_mass: "by mass", fp_economic: "by economic value", fp_physical: "by physical relation", fp_prices: "Prices (product=yuan per unit; separated by ;)", fp_share: "Share", fp_basis: "Basis", fp_inputs: "Purchased inputs (a line each: input, amount per unit, unit, kg CO₂e per unit, source, supplier data yes/no)", fp_save: "Compute and save", fp_saved: "Saved footprints", fp_own: "own production process", fp_bought: "purchased: ", fp_process: "Process", fp_kg: "kg CO₂e per declared unit", fp_shareOf: "Share", fp_total: "{p}: {kg} kg CO₂e per {u} ({a}, share {s}; own primary data {q}%)", fp_certificate: "Footprint certificate (PDF)", fp_kgPerUnit: "Footprint (kg CO₂e)", fp_createdAt: "Computed", fp_none: "No footprint computed yet", fp_done: "Computed and saved",
    ds_n1: "The boundary follows the GHG Protocol Corporate Standard ch. 3 by {a}; fractions multiply along the ownership chain.", ds_n2: "Figures are the entities' approved monthly accounts; an entity not on the platform has none and counts 0, as the boundary table says.", ds_n3: "Scope 2 is location-based (the grid average factor of the accounts); with no contractual instruments filed, market-based scope 2 is the same.", ds_n4: "The base year is recalculated to the current boundary: the same entities' base-year figures at today's fractions.", ds_n5: "Intensity = scope 1 + 2 ÷ value added consolidated at the same fractions (t CO₂ per 10k yuan).",
    ds_indicator: "Indicator", ds_years: "Base–target year", ds_goal: "Target", ds_actual: "Actual", ds_required: "Required this year", ds_warning: "Warning", ds_targets: "Targets and progress (the enterprise's own)", ds_noTargets: "The enterprise has no targets set",
    ds_title: "Carbon disclosure", ds_hint: "The group's entities' approved accounts over its ownership and consolidation approach (equity share, financial or operational control): scope 1, scope 2, intensity and the base year, with the disclosure each figure answers. Once published, anyone can read what was published on the public page without signing in.", ds_approach: "Approach", "ds_operational-control": "operational control", "ds_financial-control": "financial control", ds_equity: "equity share", ds_baseYear: "Base year", ds_pdf: "PDF", ds_publish: "Publish", ds_publicPage: "Public page", ds_import: "Import ownership", ds_scope1: "Scope 1 (direct, t CO₂)", ds_scope2Location: "Scope 2, location-based (t CO₂)", ds_scope2Market: "Scope 2, market-based (t CO₂)", ds_scope12: "Scope 1 + 2 (t CO₂)", ds_energy: "Energy (tce)", ds_intensity: "Intensity (t CO₂ per 10k yuan)", ds_base: "Base year scope 1 + 2 (t CO₂)", ds_change: "Change against the base year", ds_entity: "Entity", ds_offPlatform: "(not on the platform)", ds_share: "Share", ds_control: "Control", ds_fraction: "Included", ds_months: "Approved months", ds_inScope1: "Included scope 1 (t CO₂)", ds_inScope2: "Included scope 2 (t CO₂)", ds_c_full: "subsidiary", ds_c_joint: "joint venture", ds_c_significant: "associate", ds_c_none: "investment", ds_figure: "Figure", ds_framework: "Framework", ds_item: "Item", ds_confidence: "Checked", ds_f_scope1: "scope 1", ds_f_scope2_location: "scope 2 (location-based)", ds_f_scope2_market: "scope 2 (market-based)", ds_f_intensity: "intensity", ds_f_change: "change against the base year", ds_f_boundary: "boundary and approach", ds_f_methodology: "methodology and factor sources", ds_f_targets: "targets and progress", ds_k_CONFIRMED: "checked", ds_k_UNCONFIRMED: "item number not checked", ds_reportOf: "carbon disclosure", ds_boundary: "Organisational boundary", ds_index: "Disclosure index", ds_factorSets: "Factor sets used — ", ds_published: "The {y} report is published on the public page", ds_imported: "Ownership imported ({n} entities)", ds_publicTitle: "Carbon disclosure (public)", ds_publicHint: "No sign-in needed: only what the enterprise published.", ds_nonePublished: "The enterprise has published no carbon disclosure.", ds_publishedAt: "Published:",
    ic_date: "Date", ic_m_pv_distributed: "distributed photovoltaic generation", ic_e_pv_distributed: "meter readings or the grid's settlement statement (dates, energy)",
    inclusion: "Carbon inclusion", ic_hint: "Reductions such as distributed PV are computed by a methodology and issued as points at the programme's published rate; a source record is issued once in Peakline, and one claimed in another mechanism (CCER, green certificates) is not counted. Points are used within their validity, oldest first; those unused expire.", ic_programme: "Programme", ic_operator: "Operating the programme", ic_enterprise: "Participant (credit code)", ic_join: "Enrol", ic_issue: "Import records and issue points", ic_export: "Export the ledger", ic_new: "New programme", ic_name: "Name", ic_region: "Region code", ic_rate: "Rate (points per kg CO₂)", ic_valid: "Validity (months)", ic_rulesLabel: "Published rules", ic_create: "Create", ic_ledger: "Ledger: ", ic_claims: "Reduction records", ic_points: "Points to use", ic_purpose: "Purpose", ic_useGo: "Use", ic_ISSUE: "issued", ic_USE: "used", ic_EXPIRE: "expired", ic_none: "No programme to show", ic_rulesShown: "Rules: {r} (rate {rate} points per kg CO₂, valid {m} months)", ic_methodShown: "Methodology: {n}; reduction = generation (MWh) × the grid's average factor {f} tCO₂/MWh ({s}); evidence: {e}", ic_issued: "Issued", ic_used: "Used", ic_expired: "Expired", ic_balanceCol: "Balance", ic_noParticipants: "No participants yet", ic_balance: "Balance {b} points", ic_kind: "Kind", ic_pointsCol: "Points", ic_after: "Balance after", ic_noEntries: "Nothing yet", ic_record: "Source record", ic_mwh: "Generation (MWh)", ic_factor: "Factor (tCO₂/MWh)", ic_kg: "Reduction (kg CO₂)", ic_evidence: "Evidence", ic_issuedAt: "Issued at", ic_joined: "{c} enrolled", ic_already: "{c} takes part already", ic_issuedDone: "{n} record(s) issued, {p} points ({kg} kg CO₂)", ic_created: "Programme created", ic_usedDone: "Used; balance {b} points",
    markets: "Carbon market", mk_title: "Carbon market and compliance", mk_hint: "Power units' allowances in the national ETS by the benchmark method: unit allowance = supply × supply benchmark × cooling, heat-supply and load corrections + heat × heat benchmark. Pre-allocated on last year's output, trued up on the year's own output after verification, when the obligation is set (gas units' shortfall waived, the shortfall capped at 20 % of verified emissions). CCER offset at most 5 % of the allowances due. Cement clinker, steel and aluminium are covered from 2024: the 2024 allowances equal verified emissions (no pre-allocation), 2025 is pre-allocated at 70 % of the year before\u2019s, and the obligation is the verified direct emissions. Benchmarks and rules are shipped reference data; values marked unconfirmed are not yet checked against the notice.", mk_operator: "Allocation (competent authority)", mk_stage: "Stage", mk_stage_pre: "Pre-allocation", mk_stage_final: "True-up and obligation", mk_preview: "Preview", mk_units: "Each unit's allowance and its arithmetic", mk_issue: "Issue", mk_overview: "Compliance (shortfalls first)", mk_market: "Trades by month", mk_account: "Compliance account: ", mk_obligations: "Obligations and shortfalls", mk_holdings: "Holdings", mk_instrument: "Instrument", mk_i_cea: "National allowance", mk_i_provincial_cea: "Provincial allowance", mk_i_energy_right: "Energy-use right", mk_i_pollution_right: "Discharge right", mk_i_gec: "Green certificate", mk_i_ccer: "CCER", mk_i_provincial_credit: "Provincial credit", mk_vintage: "Vintage", mk_quantity: "Quantity (t)", mk_serialFrom: "First serial", mk_serialTo: "Last serial", mk_surrender: "Surrender", mk_movements: "Movements", mk_allocated: "Allocated", mk_due: "Due", mk_surrendered: "Allowances surrendered", mk_offsets: "CCER offset", mk_remaining: "Still due", mk_held: "Held toward it", mk_shortfall: "To buy", mk_excess: "May sell", mk_s_compliant: "Compliant", mk_s_surplus: "Holds enough, to surrender", mk_s_short: "Short", mk_s_overdue: "Overdue", mk_noObligations: "No obligation yet (set when the true-up is issued)", mk_volume: "Volume", mk_price: "Average price (yuan/t)", mk_noTrades: "No priced trades yet", mk_runTitle: "{y}: {s} ({st})", mk_issued: "issued", mk_previewed: "preview, not issued", mk_allocationFinal: "Final allowance (tCO₂)", mk_allocationPre: "Pre-allocation (tCO₂)", mk_booked: "Booked now (tCO₂)", mk_verified: "Verified emissions (tCO₂)", mk_unit: "Unit", mk_fuelClass: "Class", mk_electricityT: "Supply allowance (tCO₂)", mk_heatT: "Heat allowance (tCO₂)", mk_allocationUnit: "Unit allowance (tCO₂)", mk_how: "Arithmetic", mk_previewDone: "Preview: {n} enterprise(s), {t} t to book", mk_issuedDone: "Issued: {n} enterprise(s), {t} t booked to their accounts", mk_balance: "Balance", mk_noHoldings: "Nothing held", mk_date: "Date", mk_kind: "Kind", mk_k_obligation: "obligation", mk_k_issue: "issue", mk_k_allocate: "allocation", mk_k_transfer: "transfer", mk_k_surrender: "surrender", mk_k_retire: "retirement", mk_k_cancel: "cancellation", mk_k_expire: "expiry", mk_quantityShort: "Quantity", mk_serials: "Serials", mk_counterparty: "Counterparty", mk_noMovements: "No movements", mk_surrendered_done: "{q} t surrendered", mk_deadline: "Surrender deadline", mk_scope2: "Green certificates and market-based scope 2", mk_scope2Hint: "Retired certificates take their MWh out of purchased electricity (GHG Protocol Scope 2 Guidance, market-based method); China publishes no residual mix, so the rest counts at the grid average factor the account used. A certificate counts for its generation year or the next.", mk_show: "Show", mk_mwh: "MWh", mk_retire: "Retire for this year", mk_locationT: "Purchased electricity, location-based (tCO₂)", mk_consumption: "Purchased electricity (MWh)", mk_certificates: "Certificates retired (MWh)", mk_covered: "Covered by certificates (MWh)", mk_marketT: "Purchased electricity, market-based (tCO₂)", mk_scope2Location: "Scope 2, location-based (tCO₂)", mk_scope2Market: "Scope 2, market-based (tCO₂)", mk_gridFactor: "Grid average factor", mk_retired: "{q} MWh of certificates retired for {y}", scope2Market: "Scope 2 (market-based)", mk_energy: "Energy-use rights (key energy-using units)", mk_energyHint: "Initial rights by the chosen rule: historical — the base years\u2019 mean consumption net of feedstock × (1 − decline); target — the enterprise\u2019s energy-total target. Obligation = the year\u2019s comprehensive energy − feedstock − certificates retired for the year × 0.1229 tce/MWh.", mk_rule: "Rule", mk_rule_historical: "Historical", mk_rule_target: "Decomposed target", mk_baseYears: "Base years (comma-separated)", mk_decline: "Decline rate", mk_paidPrice: "Paid-use price (yuan/tce)", mk_energyBook: "Allocate", mk_energyDue: "Set obligations from the year\u2019s energy", mk_quotaTce: "Initial rights (tce)", mk_paidYuan: "Paid use (yuan)", mk_energyPreviewed: "Preview: {n} unit(s), {t} tce", mk_energyBooked: "Allocated: {n} unit(s), {t} tce", mk_energyDueDone: "Obligations set for {n}; {p} not accounted in full yet", f_instrument: "instrument", f_vintage: "vintage", f_serialFrom: "first serial", f_serialTo: "last serial", f_stage: "stage", f_unitId: "unit", f_reason: "reason", f_supplyMwh: "supply", f_heatGj: "heat", f_heatRatio: "heat ratio", f_loadFactor: "load factor", f_verifiedT: "verified emissions", f_fuelClass: "unit class", f_cooling: "cooling", f_capacityMw: "capacity", f_to: "receiver",
    mk_coverage: "Enterprises the national ETS covers (its sectors, 26,000 tCO₂e a year)", mk_sector: "Sector", mk_sec_power: "power", mk_sec_cement_clinker: "cement clinker", mk_sec_steel: "steel", mk_sec_aluminium: "aluminium", mk_emissionsT: "Emissions (tCO₂)", mk_monthsAccounted: "Months accounted", mk_covered2: "Covered", mk_registeredUnits: "Units or lines registered", mk_no: "no", mk_noCoverage: "No enterprise of the sectors in the year",
    mk_notice: "Allocation notice", mk_noticePdf: "PDF", mk_energyView: "Allocated, consumed and energy-total targets", mk_energyTotals: "Allocated {a} tce, consumed (obligations) {c} tce, energy-total target {t} tce", mk_noTarget: "not set", mk_allocatedTce: "Allocated (tce)", mk_consumedTce: "Consumed (tce)", mk_targetTce: "Energy-total target (tce)", mk_heldTce: "Held (tce)", mk_noQuotas: "No energy-use rights for the year",
    mk_rule_benchmark: "Benchmark × output", mk_level: "Level", mk_level_baseline: "Baseline level", mk_level_benchmark: "Benchmark level",
    mk_pollution: "Discharge rights (permitted quantities against approved months)", mk_pollutionHint: "Permitted quantity: the yearly quantities of the enterprise’s open outlets’ permits; emitted: the approved months of the year. Pace = emitted ÷ (permitted × approved months ÷ 12); above 1 the year’s quantity will be exceeded at this rate.", mk_ps_exceeded: "Exceeded", mk_ps_unpermitted: "No permitted quantity", mk_ps_ahead: "Ahead of pace", mk_ps_within: "Within", mk_medium: "Medium", mk_air: "air", mk_water: "water", mk_pollutant: "Pollutant", mk_permittedT: "Permitted (t)", mk_emittedT: "Emitted (t)", mk_monthsApproved: "Approved months", mk_used: "Used", mk_pace: "Pace", mk_noPermits: "No outlet with a permitted quantity",
    mk_green: "Renewable electricity consumption weights", mk_greenHint: "The region’s weights and what it achieved are entered by its government from the year’s notice; an enterprise’s green-power share is its certificates retired for the year ÷ its purchased electricity, aluminium smelters against the notice’s share.", mk_wTotal: "Total weight", mk_wNonHydro: "Non-hydro weight", mk_wAluminium: "Aluminium green-power share", mk_wActualTotal: "Total achieved", mk_wActualNonHydro: "Non-hydro achieved", mk_wDocument: "Notice", mk_save: "Save", mk_notEntered: "not entered", mk_met: "met", mk_notMet: "short by {p} points", mk_noWeight: "No weights entered for the year", mk_achievedVsObligation: "Achieved / obligation", mk_aluminium: "Aluminium", mk_yes: "yes", mk_greenShare: "Green-power share", mk_targetShare: "Target share", mk_short: "short", mk_noGreen: "No enterprise with retired certificates or aluminium smelter", mk_weightSaved: "Weights saved",
    mk_projects: "Voluntary reduction projects (CCER and provincial credits)", mk_projectsHint: "The owner registers a project and submits monitoring reports whose reductions follow the methodology (forest and karst sinks by the sink inventory’s methods; methane, waste heat and renewables with the province’s grid factor); a verifier validates the project and verifies the reports; the government of its location issues the credits with serials, which then offset allowances (at most 5 %) or are retired for carbon inclusion schemes. Every methodology is marked unconfirmed.", mk_projectId: "Project", mk_name: "Name", mk_methodology: "Methodology", mk_location: "Location", mk_creditFrom: "Crediting from", mk_creditTo: "Crediting to", mk_register: "Register", mk_validate: "Validate", mk_periodFrom: "Period from", mk_periodTo: "Period to", mk_submitReport: "Submit report", mk_owner: "Owner", mk_validated: "validated", mk_registered: "registered, to validate", mk_issuedCredits: "Issued (tCO₂e)", mk_noProjects: "No projects", mk_optional: " (optional)", mk_type: "Type", mk_crediting: "Crediting period", mk_period: "Period", mk_reductionT: "Reductions (tCO₂e)", mk_creditsComputed: "Credits (tCO₂e)", mk_creditsVerified: "Verified (tCO₂e)", mk_r_submitted: "to verify", mk_r_verified: "verified, to issue", mk_r_returned: "returned", mk_r_issued: "issued", mk_action: "Action", mk_noReports: "No reports", mk_verify: "Verify", mk_return: "Return", mk_returnWhy: "Why is it returned?", mk_verifiedDone: "Verified", mk_returnedDone: "Returned", mk_issueCredits: "Issue credits", mk_issuedCreditsDone: "Credits issued to the owner’s account", mk_validatedDone: "Project validated", mk_registeredDone: "Project registered", mk_reportDone: "Report submitted: {c} tCO₂e to verify",
    mk_creditRetire: "Retire credits (carbon inclusion, neutrality)", mk_purpose: "Purpose", mk_p_inclusion: "carbon inclusion", mk_p_neutrality: "neutrality", mk_p_scope2: "scope 2", mk_forYear: "For year", mk_retireCredits: "Retire", mk_creditsRetired: "{q} t retired for {p}",
    f_lineId: "line", f_sector: "sector", f_atVerified: "at verified emissions", f_outputT: "output", f_periodFrom: "period from", f_periodTo: "period to", f_credits: "verified credits", f_note: "note", f_owner: "owner", f_methodology: "methodology", f_creditingFrom: "crediting from", f_creditingTo: "crediting to", f_id: "number", f_name: "name", f_purpose: "purpose", f_forYear: "for year", f_seller: "seller", f_quantityTce: "quantity (tce)", f_obligationTotal: "total weight", f_obligationNonHydro: "non-hydro weight", f_aluminiumShare: "aluminium share", f_actualTotal: "total achieved", f_actualNonHydro: "non-hydro achieved", f_document: "notice", f_level: "level", f_inputs: "inputs", f_project: "project", f_area_ha: "area", f_increment_m3_ha_yr: "increment", f_bcef: "BCEF", f_root_shoot: "root-shoot ratio", f_carbon_fraction: "carbon fraction", f_baseline_t: "baseline", f_leakage_t: "leakage", f_runoff_m3_yr: "runoff", f_hco3_mg_l: "HCO₃⁻", f_ch4_destroyed_t: "CH₄ destroyed", f_electricity_mwh: "electricity", f_project_electricity_mwh: "project electricity",
    sy_by: "Compare", sy_byRegion: "child regions", sy_byPark: "industrial parks", sy_park: "Park", sy_parkLevel: "Parks have no shapes: no map when comparing parks.",
    fa_library: "library measure", fa_noLibrary: "(none)",
    po_templateXlsx: "Excel template", po_templateCsv: "CSV template", po_formTitle: "Enter one pollutant", po_quantity: "Emission", po_activity: "Activity",
    po_coefficient: "Production coefficient", po_removal: "Removal efficiency η", po_rate: "Operating rate k", po_basisHint: "emission = activity × coefficient × (1 − η × k); leave it empty to have it computed",
    po_monthsTitle: "Months and their review", po_comment: "Verifier's comment", po_DRAFT: "draft", po_SUBMITTED: "submitted", po_RETURNED: "returned", po_APPROVED: "approved (locked)",
    po_done_submit: "{p} submitted for review", po_done_approve: "{p} approved and locked", po_done_return: "{p} returned to the enterprise", po_submit: "Submit", po_approve: "Approve",
    po_return: "Return", po_decidedBy: "Verifier", po_actions: "Actions", po_saved: "The pollutant of {p} is saved", po_queue: "Pollutant months awaiting approval",
    po_tax: "Tax (yuan)", po_none: "No pollutants filed for the year", po_imported: "{n} line(s) imported ({m} month(s))",
    sy_band0: "extreme imbalance", sy_band1: "serious imbalance", sy_band2: "moderate imbalance", sy_band3: "mild imbalance", sy_band4: "on the verge of imbalance", sy_band5: "barely coordinated", sy_band6: "primary coordination", sy_band7: "intermediate coordination", sy_band8: "good coordination", sy_band9: "high-quality coordination",
    sy_alpha: "Weight α of pollution reduction (carbon: 1 − α)", sy_mapBy: "Map shows", sy_d: "Coordination degree D", sy_dHint: "Coupling coordination: U₁ and U₂ are the regions' relative year-on-year cuts of air pollution equivalents and of CO₂, min–max normalised across the regions compared; C = 2√(U₁U₂)/(U₁+U₂), T = αU₁ + (1−α)U₂, D = √(C·T); regions are ranked by D and classed in ten bands (0–0.1 extreme imbalance … 0.9–1 high-quality coordination).",
    sy_measures: "Measures that cut both (library)", sy_rank: "Rank", sy_band: "Class", sy_noMeasures: "No measure in the library states both a CO₂ and a pollutant saving", sy_noMap: "No map of this region's subdivisions.", sy_mapNote: "The shapes are illustrative; replace them with approved shapes by configuration.",
    ms_co2: "CO₂ saving (%)", ms_pollutant: "Air pollution equivalent cut (%)",
    sy_tab: "Pollution and carbon", sy_title: "Pollution and carbon together (against the year before)", sy_hint: "Each child region's direct emissions (scope 1) of filed enterprises and its air pollution equivalents (summed with the Environmental Protection Tax Law's values) against the year before: the co-control quadrant (I both cut; II pollutants cut, CO₂ up; III both up; IV CO₂ cut, pollutants up) and the cross-elasticity Els = (ΔCO₂/CO₂)/(ΔAP/AP). Regions without both years are not computed.",
    sy_co2: "Direct emissions (tCO₂)", sy_co2Cut: "Cut on the year before (t)", sy_air: "Air pollution equivalents", sy_airCut: "Equivalents cut", sy_quadrant: "Quadrant", sy_els: "Cross-elasticity Els",
    sy_q1: "I both cut", sy_q2: "II pollutants cut, CO₂ up", sy_q3: "III both up", sy_q4: "IV CO₂ cut, pollutants up", sy_noData: "no two years",
    sk_tab: "Sinks", sk_title: "Sink inventory", sk_hint: "Yearly removals (negative) of forest, grassland, wetland and other pools: IPCC 2006 gain, the provincial guideline's forest method or stock difference, every coefficient the inventory's own. Sinks are shown apart and never deducted from the region's emissions; the net is for reference.",
    sk_summary: "{y}: removals {r} tCO₂; the region's statistics {g} tCO₂; net (for reference) {n} tCO₂", sk_noGross: "(no statistics)", sk_pool: "Pool", sk_method: "Method",
    sk_removals: "Removals (tCO₂)", sk_none: "No sink inventory for the year", sk_import: "Import sink inventory", sk_imported: "{n} row(s) imported ({m} region-year(s))",
    sk_forest: "forest", sk_grassland: "grassland", sk_wetland: "wetland", sk_cropland: "cropland", sk_shrubland: "shrubland", sk_bamboo: "bamboo", sk_urban_green: "urban green", sk_karst: "karst (carbonate weathering)",
    sk_gain: "IPCC gain", sk_provincial: "provincial forest method", sk_stock_difference: "stock difference", sk_karstMethod: "karst hydrochemical runoff",
    ms_tab: "Measures", ms_title: "Energy-saving and low-carbon measures", ms_hint: "Every measure names its source (a catalogue, a standard or a case); savings, cost and payback only as the source states them, empty otherwise. Facilities below the benchmark get the library's measures for their product (or the enterprise's industry); those below the baseline must be renovated.",
    ms_name: "Measure", ms_energy: "Energy saving (%)", ms_cost: "Cost (10⁴ yuan)", ms_payback: "Payback (years)", ms_source: "Source", ms_add: "Add to the library", ms_added: "Added to the library",
    ms_none: "The library holds no measure yet", ms_anyProduct: "(any product)",
    dg_title: "Energy diagnosis", dg_recommended: "Measures for facilities below the benchmark", dg_level: "Level", dg_mustRenovate: "below the baseline (must be renovated)", dg_belowBenchmark: "between baseline and benchmark", dg_date: "Diagnosed on", dg_findings: "Findings", dg_measure: "Measure", dg_expected: "Expected saving (tce/yr)",
    dg_implemented: "Carried out on", dg_save: "Record the diagnosis", dg_saved: "Diagnosis recorded", dg_noLaggard: "Every facility is at the benchmark this year", dg_value: "Energy per unit", dg_measures: "Measures in the library",
    dg_noMeasure: "No measure in the library fits", dg_noneChosen: "(none)", dg_realised: "Energy, 12 months before → after (tce)", dg_noAccounts: "not enough accounts", dg_none: "No diagnosis yet",
    roadmap: "Peak roadmap", rm_version: "Version", rm_export: "Export", rm_identity: "CO₂ = GDP × energy per GDP × (1 − non-fossil share) × CO₂ per tce of fossil energy; scenarios start from the last year of statistics.",
    rm_paths: "History and scenario paths (CO₂, t)", rm_compare: "Scenarios compared", rm_checks: "Against the targets", rm_drivers: "Scenario drivers",
    rm_driversHint: "Growth and fall are per cent a year, in force from the year given until the next step; the non-fossil share (%) and the CO₂ per tce of fossil energy are reached by the year given, linearly.",
    rm_toYear: "Scenarios end in", rm_project: "Try", rm_note: "Version note", rm_save: "Save as new version", rm_waterfall: "Why emissions changed (LMDI)",
    rm_pathway: "Targets from a scenario", rm_pathwayHint: "The intensity fall the chosen scenario of the saved version reaches by the target year becomes the region's target, decomposed uniformly to its child regions.",
    rm_scenario: "Scenario", rm_makeTargets: "Set and decompose the target", rm_stepYear: "Step year", rm_stepValue: "Step value", rm_yearFrom: "on", rm_addStep: "Add step",
    rm_gdpGrowth: "GDP growth (% a year)", rm_intensityFall: "Fall of energy per GDP (% a year)", rm_nonFossil: "Non-fossil share to reach (%)", rm_fossilFactor: "CO₂ per tce of fossil energy to reach",
    rm_history: "History", rm_peak: "Peak", rm_notWithin: " (still rising at the end)", rm_peakAtBase: " (the base year is the highest: falling from it)", rm_peakYear: "Peak year", rm_peakCo2: "Peak CO₂ (t)",
    rm_spread: "Peak year median (5–95 %)", rm_co2in2030: "CO₂ in 2030 (t)", rm_nf2030: "Non-fossil share 2030", rm_years: "Years",
    rm_targetValue: "Target", rm_reached: "Scenario reaches", rm_verdict: "Verdict", rm_noBase: "no statistics of the base year", rm_meets: "meets", rm_misses: "misses",
    rm_shortHistory: "Fewer than two years of statistics: nothing to decompose", rm_increase: "Increase", rm_decrease: "Decrease", rm_factor: "Factor", rm_additive: "additive effect (t)",
    rm_f_gdp: "Economic scale (GDP)", rm_f_energy_intensity: "Energy intensity", rm_f_fossil_share: "Fossil share", rm_f_fossil_factor: "CO₂ per tce of fossil energy", rm_f_TOTAL: "Total",
    rm_proposed: "Proposed scenarios (from the statistics' trends, not saved)", rm_versionN: "Version {n}", rm_latest: "Latest version", rm_tried: "Tried (not saved)",
    rm_saved: "Saved as version {n}", rm_targetMade: "Target set: a fall of {v}, decomposed to {n} child regions.", rm_toTargets: "See targets and warnings",
    rm_d_gdpGrowth: "GDP growth", rm_d_intensityFall: "Fall of energy intensity", rm_d_nonFossilShare: "Non-fossil share", rm_d_fossilFactor: "CO₂ per tce of fossil energy",
    rm_d_gdpSd: "Standard deviation", rm_d_key: "Scenario key", rm_d_name: "Scenario name", rm_d_toYear: "End year", rm_d_scenarios: "Scenarios", rm_d_scenario: "Scenario",
    rm_d_indicator: "Indicator", rm_d_industry: "Industry", rm_d_baseYear: "Base year", rm_d_note: "Version note", rm_d_body: "Request",
    monitoring: "Monitoring", steering: "Efficiency & targets", meters: "Meters", meter: "Meter", latest: "Latest reading", today: "Today", thisMonth: "This month",
    completeness: "Completeness", health: "Health", quality: "Data quality", rejected: "Rejected data", reason: "Reason", silent: "Silent",
    passes: "Passes", reconciliation: "Metered vs filed", metered: "Metered", deviation: "Deviation", gapDays: "Days with gaps", lateStamps: "Late stamps", dailyVsMonthly: "Daily vs monthly failures", time: "Time",
    mapIndicator: "Map indicator", mapTitle: "Map", gapNote: "Months nobody filed are gaps, never zeros.", targetWarnings: "Target warnings",
    unfiledTitle: "Enterprises that have not filed on time", coverageByRegion: "Filing coverage by region", coverageByIndustry: "Filing coverage by industry",
    inventoryTitle: "Top-down inventory beside the bottom-up sum of filed enterprises",
    inventoryHint: "The region's statistics (CO₂ from energy, energy consumption) beside the sums of its filed enterprises' direct emissions and energy; coverage = enterprises ÷ statistics, gap = statistics − enterprises.",
    mi_direct: "Filed enterprises' direct emissions (scope 1)", mi_energy: "Filed enterprises' energy", mi_intensity: "Filed enterprises' carbon intensity", mi_coverage: "Filing coverage (%)",
    mi_warning: "Target warning level", yi: "×10⁸", wan: "×10⁴", noYearData: "Nothing approved has been filed for {p}: the figures below are missing data, not zero emissions.",
    yoy: "YoY", mom: "MoM", energyFiled: "Filed enterprises' energy (tce)",
    energyHint: "The sum of the filed enterprises' comprehensive energy consumption (GB/T 2589), not the region's total energy consumption (see the top-down inventory below).",
    intensityFiled: "Filed enterprises' carbon intensity (scope 1 + 2 ÷ value added, tCO₂e/10⁴ yuan)",
    intensityHint: "Scope 1 and scope 2 of the filed enterprises divided by their value added; the targets page's CO₂ per unit of GDP uses the region's statistics (CO₂ from energy ÷ GDP), another scope.",
    energyIntensityFiled: "Filed enterprises' energy intensity (tce/10⁴ yuan)", energyIntensityHint: "Filed enterprises' energy divided by their value added, not the region's energy per unit of GDP.",
    coverageHint: "Enterprises with approved data in the period ÷ registered enterprises.", notFiled: "not filed", noMap: "No map of this region's subdivisions; its enterprises are listed below.",
    mapNote: "Click a region to drill down. The shapes are illustrative; replace them with approved shapes by configuration.", noTargetsHere: "No targets set in this region",
    totalFiled: "Scope 1 + 2 (tCO₂e)",
    unfiledSummary: "{p} (due {d}): {n} registered, {f} submitted, {o} of them on time; {u} to follow up.", creditCode: "Credit code",
    contact: "Contact", filingAccounts: "Filing accounts", standing: "Standing", daysLate: "Days late", allFiled: "Every enterprise filed on time",
    fs_NOT_DUE: "not due yet, not submitted", fs_MISSING: "missing, overdue", fs_RETURNED: "returned, not filed again", fs_LATE: "submitted late", fs_ON_TIME: "on time",
    subjectName: "Name", onTime: "On time", noStatistics: "no statistics", topDownCo2: "Region statistics CO₂ (t)", bottomUpDirect: "Enterprises' direct emissions (t)",
    inventoryCoverage: "Coverage", inventoryGap: "Gap (t)", topDownEnergy: "Region energy consumption (tce)", bottomUpEnergy: "Enterprises' energy (tce)", filedOfAll: "Filed / registered",
    findEnterprise: "Find an enterprise (name, credit code, industry, region)", noMatch: "No enterprise matches",
    adminTitle: "Administration", ad_tabUsers: "Users and roles", ad_tabTokens: "Tokens", ad_tabRegistry: "Enterprises and regions", ad_tabFactors: "Factor sets",
    ad_newUser: "New user", ad_displayName: "Name", ad_role: "Role", ad_regionScope: "Region", ad_enterpriseCode: "Enterprise credit code",
    ad_verifies: "Enterprises verified (credit codes, comma-separated)", ad_firstPassword: "First password", ad_create: "Create", ad_users: "Users and roles",
    r_ADMIN: "Administrator", r_GOVERNMENT: "Government user", r_ENTERPRISE: "Enterprise user", r_VERIFIER: "Verifier", ad_scope: "Scope",
    ad_verifiesN: "verifies {n} enterprises", ad_everything: "everything", ad_disabled: "disabled", ad_enabled: "enabled", ad_actions: "Actions",
    ad_enable: "Enable", ad_disable: "Disable", ad_resetPassword: "Reset password", ad_disabledDone: "User {u} disabled", ad_enabledDone: "User {u} enabled",
    ad_newPasswordFor: "New password for {u} (at least 12 characters):", ad_passwordReset: "Password of {u} reset", ad_userCreated: "User {u} created, scope: {s}",
    ad_tokens: "API and gateway tokens", ad_tokensHint: "Tokens themselves are never shown; a revoked token stops working at once.", ad_tokenKind: "Kind", tk_API: "API token", tk_GATEWAY: "Gateway token",
    ad_owner: "Owner", ad_expires: "Expires", ad_noExpiry: "never", ad_lastUsed: "Last used", ad_neverUsed: "never", ad_revoked: "Token {n} revoked",
    ad_active: "active", ad_expired: "expired", ad_revokeConfirm: "Revoke the token \"{n}\"? Programs using it will be refused.",
    ad_enterpriseEntry: "Enterprise register (create or change; a new region moves it)", ad_loadEntry: "Load", ad_enterpriseName: "Enterprise name", ad_keyEnergyUnit: "Key energy-using unit",
    ad_contactPerson: "Contact", ad_contactPhone: "Telephone", ad_entryChanged: "{n} changed ({r})", ad_entryCreated: "{n} registered ({r})",
    ad_regionsIndustries: "Regions and industries", ad_regionsHint: "Regions (GB/T 2260) and industries (GB/T 4754-2017) ship with the versioned reference data; read them here.",
    ad_regionCode: "Region code", ad_parent: "Parent", fs_kind: "Kind", fs_item: "Item", fs_qualifier: "Qualifier", fs_value: "Value", fs_valid: "Valid", fs_confidence: "Confidence",
    tg_new: "New target", tg_base: "Base year", tg_targetYear: "Target year", tg_decompose: "Decompose", tg_uniform: "Propose uniformly", tg_saveDecomposition: "Save the decomposition",
    tg_decomposeHint: "Give each child region its value; it is checked against the parent as you type. Propose uniformly suggests values from the base-year statistics.",
    tg_created: "Target #{id} created; decompose it to the child regions below", tg_fillIn: "Fill in the children's values to check them", tg_inconsistent: "Not consistent with the parent, not saved:",
    tg_consistent: "Consistent with the parent: the children amount to {v}", tg_decomposed: "Decomposition saved ({n} regions)",
    sx_import: "Import region statistics", sx_upload: "Import", sx_gdp: "GDP (10⁴ yuan)", sx_energy: "Energy consumption (tce)", sx_co2: "CO₂ from energy (t)",
    sx_chooseFile: "Choose a file first (.xlsx or UTF-8 CSV)", sx_imported: "{n} region-years imported", st_noYearData: "Nothing approved has been filed for {y}; the lists hold no enterprise data of that year.",
    f_region: "Region", f_item: "Item", f_price_base_year: "Price base year", f_children: "Children", f_value: "Value", f_name: "Name", f_capacity: "Capacity",
    f_industry: "Industry", f_product: "Product", f_designedEnergyTce: "Designed energy", f_designedCo2: "Designed CO₂", f_capacityUnit: "Capacity unit", f_kind: "Kind",
    f_username: "Username", f_displayName: "Name", f_role: "Role", f_password: "Password", f_enterprise: "Enterprise", f_code: "Credit code", f_contactPhone: "Telephone",
    f_contactPerson: "Contact", f_indicator: "Indicator", f_baseYear: "Base year", f_targetYear: "Target year", f_document: "Document", f_commissioned: "Commissioned", f_status: "Status",
    pj_detail: "Project", pj_document: "Approval document", pj_commissioned: "Commissioned on", pj_history: "History", pj_ledger: "Substitution ledger", pj_kind: "Kind",
    pj_source: "Source (project closed or reduced)", pj_addLine: "Add to the ledger", pj_new: "Register a two-high project", pj_designCo2: "Designed CO₂ (t)", pj_register: "Register", pj_designValue: "Designed energy per unit",
    pj_to: "Move to: {s}", pj_from: "From", pj_toStatus: "To", pj_moved: "Project moved to {s}", pj_registered: "Project registered",
    sk_CAPACITY: "capacity", sk_COAL: "coal use", sk_ENERGY: "energy", sk_CARBON: "CO₂", sk_POLLUTANT: "pollutant",
    mo_failingOnly: "Failing enterprises only", mo_trend: "Data quality, last 6 months", mo_meterDays: "Meter by day", mo_consumption: "Consumption", mo_day: "Day",
    mo_readings: "Readings / expected", mo_gapMinutes: "Gaps (minutes)", mo_filed: "Filed", mo_threshold: "Tolerance", mo_notReconciled: "nothing filed to compare",
    mo_flagged: "deviation too large", mo_agrees: "agrees", mo_noReconciliation: "No metered-vs-filed comparison this month", mo_silentMeters: "Silent meters", mo_passes: "passes",
    mo_fails: "fails", mo_avgCompleteness: "Average completeness", mo_passingShare: "Enterprises passing", mo_count: "count",
    fs_name: "Name", fs_edition: "edition {n}", oc_results: "Results", oc_changed: "Changed", oc_scope1: "Scope 1 (tCO₂e) before → after", oc_scope2: "Scope 2 (tCO₂) before → after",
    oc_NO_RESULTS: "The region has no accounted month; there was nothing to recompute.",
    oc_SAME_SETS: "None of the {t} results changed: these months still use the sets they had (the region or one below it has its own set, or the new set is not active yet).",
    oc_SAME_VALUES: "None of the {t} results changed: the new set's factors for what these enterprises use are the ones they had.", oc_CHANGED: "{n} of {t} results changed, by region:",
    fa_title: "Facilities and renovation plans", fa_commissioned: "Commissioned", fa_save: "Save the facility", fa_new: "New facility", fa_plans: "Renovation plans",
    fa_targetValue: "Energy per unit after renovation", fa_addPlan: "Add the plan", fa_update: "Save changes", fa_edit: "Edit", fa_doneAt: "Done on",
    fa_planMoved: "\"{m}\" is now {s}", fa_updated: "Facility {n} changed", fa_registered: "Facility {n} registered", fa_planAdded: "Plan \"{m}\" added",
    f_measure: "Measure", f_deadline: "Deadline", f_targetValue: "Energy per unit after renovation", f_equipment: "Equipment",
    ad_merge: "Merge a duplicate registration", ad_mergeHint: "When an enterprise was registered twice, merge the duplicate into the one kept: its filings, results, facilities, meters, tokens, users, targets and projects move with it and the duplicate is removed. Enterprises that filed the same months cannot be merged.",
    ad_mergeFrom: "Duplicate (credit code)", ad_mergeInto: "Into (credit code kept)", ad_mergeDo: "Merge", ad_mergeConfirm: "Merge {a} into {b}? The registration {a} will be removed.",
    ad_merged: "{a} merged into {b} ({n} records moved)", ad_cancelEdit: "Cancel", ad_userChanged: "User {u} changed, scope: {s}", f_into: "Into",
    datacentres: "Data centres", dc_title: "Data-centre energy monitoring", dc_hint: "PUE = total facility energy ÷ IT equipment energy over the same calendar interval (day, month, year) from the day roll-ups, never an instant; a day on which the facility or IT meters are not whole leaves that day, its month and year without a PUE, and is listed. Grades by GB 40879-2021; targets are shipped reference data marked unconfirmed.",
    dc_cluster: "Cluster", dc_allClusters: "All", dc_ranked: "Data centres by PUE (above target first)", dc_worklist: "Online monitoring and metering review worklist (10,000 tce)",
    dc_worklistHint: "Data centres whose last 12 months reached 10,000 tce (electricity at 0.1229 kgce/kWh) join the key energy-using units' online monitoring and a metering review; enterprises whose accounted energy of last year reached 10,000 tce are key energy-using units, those of 5,000–10,000 tce may be designated by the province.",
    dc_flaggedCentres: "Data centres at 10,000 tce", dc_keyUnits: "Key energy-using units (last year's accounted energy)", dc_ofEnterprise: "The enterprise's data centres",
    dc_code: "Code", dc_name: "Data centre", dc_noCluster: "Not in a national cluster", dc_status: "Status", dc_s_operating: "Operating", dc_s_construction: "In construction", dc_s_planned: "Planned",
    dc_cooling: "Cooling", dc_c_water: "Water", dc_c_air: "Air", dc_c_evaporative: "Indirect evaporative", dc_c_free: "Free cooling", dc_c_liquid: "Liquid",
    dc_itKw: "Design IT capacity (kW)", dc_racks: "Racks", dc_commissioned: "In service since", dc_register: "Register data centre", dc_yearToDate: "Year to date",
    dc_monthly: "PUE by month", dc_daily: "PUE by day (last 31)", dc_meters: "Meters by position", dc_position: "Position", dc_place: "Set position",
    dc_utilisation: "IT utilisation (%)", dc_pflops: "Computing (PFLOPS)", dc_fileComputing: "File computing", dc_latestMonth: "Latest whole month", dc_grade: "Grade",
    dc_target: "Target PUE", dc_aboveTarget: "Against target", dc_above: "Above target", dc_within: "Meets target", dc_renewable: "Renewable share",
    dc_trailingTce: "Last 12 months (tce)", dc_incompleteMonths: "Incomplete months", dc_none: "No data centres", dc_since: "First reached",
    dc_noneFlagged: "No data centre at 10,000 tce", dc_energyTce: "Last year's energy (tce)", dc_tier: "Tier", dc_tier_key: "Key unit (≥10,000 tce)",
    dc_tier_designated: "May be designated (5,000–10,000 tce)", dc_online: "Online", dc_isOnline: "Online", dc_notOnline: "Not online",
    dc_registered: "Data centre “{n}” registered", dc_g0: "Beyond the limit", dc_g1: "Grade 1", dc_g2: "Grade 2", dc_g3: "Grade 3",
    dc_f_incomplete: "Incomplete", dc_f_it_above_total: "IT above the facility (data quality)", dc_f_it_zero: "No IT energy",
    dc_rule: "10,000 tce rule", dc_flagged: "reached: join online monitoring and a metering review",
    dc_incompleteDays: "Incomplete days", dc_noneIncomplete: "None", dc_totalKwh: "Facility (kWh)", dc_itKwh: "IT (kWh)",
    dc_location: "Emissions (location-based)", dc_market: "Emissions (market-based)", dc_kwhPerPflops: "kWh per PFLOPS", dc_day: "Day",
    dc_p_total: "Total facility input", dc_p_it: "IT equipment (UPS output or PDU)", dc_p_cooling: "Cooling", dc_p_other: "Lighting and others", dc_p_onsite_renewable: "On-site renewable generation", dc_p_green_purchased: "Green power purchased",
    dc_noMeters: "No meter positions yet", dc_placed: "Position of point {m} set", dc_computingFiled: "Computing filed", dc_section: "Data centres",
  },
};

let today;
/** Today in Beijing by the server's clock ("2026-12-06"): pages never ask the browser what day it is. */
export async function serverDate() {
  if (!today) today = api("/api/v1/me").then(m => m.today);
  return today;
}

/** {@link serverDate} as a Date at local noon, for month and year arithmetic. */
export async function serverToday() { return new Date(`${await serverDate()}T12:00:00`); }

export function lang() { return localStorage.getItem("peakline.lang") || "zh"; }
export function t(key) { return (DICT[lang()] || DICT.zh)[key] || key; }

export function translate(root = document) {
  root.querySelectorAll("[data-i18n]").forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.documentElement.lang = lang() === "zh" ? "zh-CN" : "en";
}

function csrf() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "";
}

/** Calls the API; throws an Error carrying the Problem Details (with row-level problems) on failure. */
// a thin bar under the header while any request is on its way: every page shows that it is loading
let inFlight = 0;
function busy(delta) {
  inFlight = Math.max(0, inFlight + delta);
  let bar = document.getElementById("loading-bar");
  if (!bar && document.body) bar = document.body.appendChild(el("div", { id: "loading-bar", role: "progressbar", "aria-label": t("loading") }));
  if (bar) bar.hidden = inFlight === 0;
}

export async function api(path, options = {}) {
  busy(+1);
  try { return await request(path, options); } finally { busy(-1); }
}

async function request(path, { method = "GET", body, form, headers: extra = {} } = {}) {
  const headers = { "Accept": "application/json", "Accept-Language": lang() === "zh" ? "zh-CN" : "en", ...extra };
  if (method !== "GET") headers["X-XSRF-TOKEN"] = csrf();
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
  const res = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  if (res.status === 401) { location.href = "/login.html"; throw new Error("not signed in"); }
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) { const e = new Error((data && data.detail) || res.statusText); e.problem = data; throw e; }
  return data;
}

/** Fetches a file (a report) and hands it to the browser as a download; a refusal is thrown as api() throws it. */
export async function download(path, fileName) {
  const res = await fetch(path, { headers: { "Accept": "*/*", "Accept-Language": lang() === "zh" ? "zh-CN" : "en" }, credentials: "same-origin" });
  if (res.status === 401) { location.href = "/login.html"; throw new Error("not signed in"); }
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    const e = new Error((data && data.detail) || res.statusText); e.problem = data; throw e;
  }
  const a = el("a", { href: URL.createObjectURL(await res.blob()), download: fileName });
  document.body.append(a); a.click(); a.remove();
}

/**
 * A problem in Chinese: the catalogue's label with the values the server's sentence quotes ('烟媒' → 未知的能源品种（烟媒）),
 * or with the whole sentence when it holds no words (a month, a number).
 */
export function labelled(p) {
  if (!p.label) return p.message;
  const quoted = (p.message.match(/'([^']+)'/g) || []).map(q => q.slice(1, -1));
  if (quoted.length) return `${p.label}（${quoted.join("、")}）`;
  return /[A-Za-z]/.test(p.message) ? p.label : `${p.label}（${p.message}）`;
}

/** A field of a problem by its name in the dictionary; a list's item ("permits[1].permittedT") as 第 2 项 of its field. */
function fieldName(column) {
  const name = c => t("f_" + c) !== "f_" + c ? t("f_" + c) : c;
  const m = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(column);
  return m ? `${t("itemN").replace("{n}", Number(m[2]) + 1)}${m[3] ? " " + name(m[3]) : ""}` : name(column);
}

/** A problem as readable text: its title in the page's language, the case's sentence, each row-level finding. */
export function describe(err) {
  const p = err.problem;
  if (!p) return err.message;
  // in Chinese the catalogue's sentence and the field by name; in English the case's own sentence
  const zh = lang() === "zh";
  const rows = (p.problems || []).map(x => zh
    ? `${x.row > 0 ? t("lineN").replace("{n}", x.row) + " " : ""}${x.column ? fieldName(x.column) + "：" : ""}${labelled(x)}`
    : `${x.source} ${t("lines")} ${x.row}, ${x.column}: ${x.message}`);
  const head = zh ? p.title || p.detail : p.title && p.title !== p.detail ? `${p.title} (${p.detail})` : p.detail;
  return [head, ...rows].join("\n");
}

/**
 * A large quantity as people read it: in Chinese 万 from 10⁴ and 亿 from 10⁸ (two decimals), below that the number
 * itself (771, not "0.08 万"); in English the whole number with separators.
 */
export function big(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  const a = Math.abs(v);
  if (lang() === "zh") {
    if (a >= 1e8) return fmt(v / 1e8, 2) + " 亿";
    if (a >= 1e4) return fmt(v / 1e4, 2) + " 万";
  }
  return fmt(v, a < 100 ? 2 : 0);
}

/** A note in brackets as the page's language writes them: （…） in Chinese, " (…)" in English. */
export function paren(text) { return lang() === "zh" ? `（${text}）` : ` (${text})`; }

export function fmt(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  return Number(v).toLocaleString(lang() === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** An instant as Beijing time (the platform's zone), never UTC: "2026/11/28 18:41". */
export function when(instant) {
  if (!instant) return "";
  return new Date(instant).toLocaleString(lang() === "zh" ? "zh-CN" : "en-GB",
    { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children.flat()) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** Replaces a node's children with nodes and (nested) arrays of nodes. */
export function put(node, ...kids) { node.replaceChildren(...kids.flat(Infinity)); }

/** Registers the shapes of a region's children with ECharts (once) from /api/v1/maps; false when it has none. */
export async function regionShapes(region) {
  if (echarts.getMap(region)) return true;
  const res = await fetch(`/api/v1/maps/${region}`, { credentials: "same-origin" });
  if (res.ok) echarts.registerMap(region, await res.json());
  return !!echarts.getMap(region);
}

export function param(name) { return new URLSearchParams(location.search).get(name); }

/** Draws the header for the signed-in user and returns it. */
export async function header() {
  const me = await api("/api/v1/me");
  const nav = [];
  if (me.role === "ADMIN" || me.role === "GOVERNMENT") nav.push(["dashboard", "/dashboard.html"]);
  if (me.role === "ENTERPRISE") nav.push(["account", `/enterprise.html?code=${me.enterprise}`]);
  if (me.role === "ENTERPRISE") nav.push(["monitoring", `/monitoring.html?code=${me.enterprise}`]);
  if (me.role === "ADMIN" || me.role === "GOVERNMENT") nav.push(["monitoring", `/monitoring.html?region=${me.homeRegion}`]);
  if (me.role === "ADMIN" || me.role === "GOVERNMENT") nav.push(["steering", `/steering.html?region=${me.homeRegion}`]);
  if (me.role === "ADMIN" || me.role === "GOVERNMENT") nav.push(["roadmap", `/roadmap.html?region=${me.homeRegion}`]);
  if (me.role === "ENTERPRISE") nav.push(["datacentres", `/datacentres.html?code=${me.enterprise}`]);
  if (me.role === "ADMIN" || me.role === "GOVERNMENT") nav.push(["datacentres", `/datacentres.html?region=${me.homeRegion}`]);
  if (me.role !== "VERIFIER") nav.push(["inclusion", "/inclusion.html"]);
  if (me.role !== "VERIFIER") nav.push(["markets", me.role === "ENTERPRISE" ? `/markets.html?code=${me.enterprise}` : `/markets.html?region=${me.homeRegion}`]);
  if (me.role === "VERIFIER" || me.role === "ADMIN") nav.push(["queue", "/queue.html"]);
  if (me.role === "ADMIN") nav.push(["admin", "/admin.html"]);
  const h = el("header", {},
    el("h1", { "data-i18n": "app" }),
    el("nav", {}, nav.map(([k, href]) => el("a", { href, "data-i18n": k }))),
    me.role === "ENTERPRISE" ? "" : enterpriseSearch(),
    el("span", { class: "who", id: "who" }, `${me.displayName} (${me.username})`),
    el("button", { id: "lang", onclick: () => { localStorage.setItem("peakline.lang", lang() === "zh" ? "en" : "zh"); location.reload(); } }, t("lang")),
    el("button", { id: "logout", onclick: async () => { await api("/logout", { method: "POST" }).catch(() => {}); location.href = "/login.html"; } }, t("logout")));
  document.body.prepend(h);
  translate();
  return me;
}

/**
 * The header's enterprise search (every page): part of a name, a credit code, an industry or region code; the matches
 * the caller may see, each opening the enterprise's page.
 */
function enterpriseSearch() {
  const input = el("input", { type: "search", id: "enterpriseSearch", placeholder: t("findEnterprise"), "aria-label": t("findEnterprise"), autocomplete: "off" });
  const list = el("div", { id: "searchResults", class: "search-results", hidden: "hidden" });
  let timer = null, asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      asked = q;
      if (!q) { list.hidden = true; return; }
      const hits = await api(`/api/v1/search/enterprises?q=${encodeURIComponent(q)}&limit=20`);
      if (asked !== q) return;
      put(list, hits.length ? hits.map(h => el("a", { href: `/enterprise.html?code=${h.code}`, class: "hit" },
        el("strong", {}, h.name), el("span", { class: "muted" }, ` ${h.code} · ${h.regionName} · ${h.industry} ${h.industryName}`)))
        : el("div", { class: "muted" }, t("noMatch")));
      list.hidden = false;
    }, 250);
  });
  input.addEventListener("keydown", e => { if (e.key === "Escape") { list.hidden = true; } });
  document.addEventListener("click", e => { if (!e.target.closest || !e.target.closest(".search-box")) list.hidden = true; });
  return el("span", { class: "search-box" }, input, list);
}

// any failed call a page does not handle itself is shown, not swallowed
function showError(err) {
  const box = document.getElementById("page-error") || document.body.appendChild(el("div", { id: "page-error", class: "error" }));
  box.textContent = describe(err || new Error("error"));
}
window.addEventListener("unhandledrejection", ev => showError(ev.reason));
window.addEventListener("error", ev => showError(ev.error || new Error(ev.message)));

/**
 * A table people can work with: a search box, headers that sort (click again to reverse), pages of `pageSize` rows and
 * the total count, and a sentence when there is nothing. `columns`: [{ key, label, num, render(row) → node|text,
 * value(row) → what sorts and searches }].
 */
export function dataTable(container, columns, rows, { pageSize = 50, onRow, empty = "noData", id } = {}) {
  let sortKey = null, desc = false, page = 0, query = "";
  const value = (c, r) => c.value ? c.value(r) : r[c.key];
  const search = el("input", { type: "search", class: "search", placeholder: t("search"), "aria-label": t("search") });
  const table = el("table", id ? { id } : {});
  const footer = el("div", { class: "pager" });
  search.addEventListener("input", () => { query = search.value.trim().toLowerCase(); page = 0; draw(); });
  function draw() {
    let list = rows.filter(r => !query || columns.some(c => String(value(c, r) ?? "").toLowerCase().includes(query)));
    if (sortKey) {
      const c = columns.find(x => x.key === sortKey);
      list = [...list].sort((a, b) => {
        const x = value(c, a), y = value(c, b);
        const r = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""), "zh-CN");
        return desc ? -r : r;
      });
    }
    const pages = Math.max(1, Math.ceil(list.length / pageSize));
    page = Math.min(page, pages - 1);
    const shown = list.slice(page * pageSize, (page + 1) * pageSize);
    put(table,
      el("tr", {}, columns.map(c => el("th", { class: (c.num ? "num " : "") + "sortable", "data-key": c.key,
        onclick: () => { if (sortKey === c.key) desc = !desc; else { sortKey = c.key; desc = false; } draw(); } },
        t(c.label || c.key) + (sortKey === c.key ? (desc ? " ▼" : " ▲") : "")))),
      shown.length ? shown.map(r => el("tr", onRow ? { class: "click", onclick: () => onRow(r) } : {},
        columns.map(c => el("td", c.num ? { class: "num" } : {}, c.render ? c.render(r) : (value(c, r) ?? "")))))
        : el("tr", {}, el("td", { colspan: columns.length, class: "empty" }, t(empty))));
    put(footer, el("span", { class: "count" }, `${t("totalCount")} ${list.length} ${t("rowsUnit")}`),
      pages > 1 ? [
        el("button", { type: "button", class: "secondary", disabled: page === 0 ? "disabled" : undefined, onclick: () => { page--; draw(); } }, t("prevPage")),
        el("span", {}, ` ${page + 1} / ${pages} `),
        el("button", { type: "button", class: "secondary", disabled: page >= pages - 1 ? "disabled" : undefined, onclick: () => { page++; draw(); } }, t("nextPage"))] : []);
  }
  put(container, search, table, footer);
  draw();
  return { redraw: draw };
}
