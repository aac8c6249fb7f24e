// Written by hand from the seed texts (/work/shared/seeds), clause by clause: every measure's number, title, group, form,
// lead and cooperating units. The rules (issue 14, item 1), in order: an explicit "X牵头" / 牵头单位 / 配合单位 in the
// clause or the measure's text; the convention the document declares (西区 and 攀枝花: "逗号前为牵头单位，下同" — before
// the full-width comma lead, after it cooperate, a list without a comma all lead); otherwise every unit of
// （责任单位：…） or 〔…按职责分工负责〕 is responsible, listed as lead. A "（含…，下同）" note adds the units it includes.
using Qianglian.Core.Policies;
namespace Qianglian.Core.Tests.Policies;

internal static class SeedExpectations
{
    public static readonly ExpectedMeasure[] Xiqu =
    [
        new("一", "推进重点产业“建圈强链”", null, ResponsibilityForm.LeadBeforeComma, ["区发展改革局", "区经济和信息化局"], ["园区管委会"]),
        new("二", "加强链主企业招引培育", null, ResponsibilityForm.LeadBeforeComma, ["区发展改革局", "区经济和信息化局"], ["区科技局", "园区管委会"]),
        new("三", "提升关键技术攻关力度", null, ResponsibilityForm.LeadBeforeComma, ["区经济和信息化局", "区科技局"], ["区委组织部", "区发展改革局", "园区管委会"]),
        new("四", "推动企业数字化转型", null, ResponsibilityForm.LeadBeforeComma, ["区经济和信息化局", "西区生态环境局"], ["园区管委会"]),
        // 五、六、七、8: no comma in the list, so under the convention every unit named leads.
        new("五", "建立项目要素保障机制", null, ResponsibilityForm.LeadBeforeComma, ["区发展改革局", "区经济和信息化局", "区财政局", "市自然资源和规划局西区分局", "园区管委会"], []),
        new("六", "促进重点项目早日竣工投产", null, ResponsibilityForm.LeadBeforeComma, ["区经济和信息化局", "区财政局"], []),
        new("七", "推动重点企业设备更新和技术改造", null, ResponsibilityForm.LeadBeforeComma, ["区经济和信息化局", "区财政局"], []),
        new("8", "实施攀西战略资源创新开发重点项目", null, ResponsibilityForm.LeadBeforeComma, ["区发展改革局", "区经济和信息化局", "区财政局"], []),
        new("九", "支持工业项目“标准地”政策配套", null, ResponsibilityForm.LeadBeforeComma, ["市自然资源和规划局西区分局"], ["区经济和信息化局", "区财政局", "园区管委会"]),
        // 十: "区经济和信息化局牵头会同区发展改革局、区财政局等相关部门开展初步会商" — the text names the lead.
        new("十", "优化审批流程", null, ResponsibilityForm.LeadNamedInText, ["区经济和信息化局"], ["区发展改革局", "区财政局", "区住房和城乡建设局", "区应急管理局", "园区管委会", "西区税务局", "市自然资源规划局西区分局", "西区生态环境局"]),
    ];

    public static readonly ExpectedMeasure[] Panzhihua =
    [
        new("一", "推进重点产业建圈强链", null, ResponsibilityForm.LeadBeforeComma, ["市经济和信息化局"], ["各产业链牵头部门", "各县（区）", "国家钒钛高新区"]),
        new("二", "加强链主企业招引培育", null, ResponsibilityForm.LeadBeforeComma, ["市经济合作局"], ["各产业链牵头部门", "各县（区）", "国家钒钛高新区"]),
        new("三", "引领链上企业协同发展", null, ResponsibilityForm.LeadBeforeComma, ["市科技局", "市经济和信息化局"], ["各产业链牵头部门", "各县（区）", "国家钒钛高新区"]),
        new("四", "健全科技创新保障体系", null, ResponsibilityForm.LeadBeforeComma, ["市科技局"], ["各县（区）", "国家钒钛高新区"]),
        new("五", "提升关键技术攻关力度", null, ResponsibilityForm.LeadBeforeComma, ["市科技局"], ["市委组织部", "市发展改革委", "市经济和信息化局", "市农业农村局", "各县（区）", "国家钒钛高新区"]),
        new("六", "促进科技成果就地转化", null, ResponsibilityForm.LeadBeforeComma, ["市科技局"], ["市发展改革委", "市经济和信息化局", "各县（区）", "国家钒钛高新区"]),
        new("七", "推动产业加快转型升级", null, ResponsibilityForm.LeadBeforeComma, ["市发展改革委", "市经济和信息化局", "市科技局"], ["各县（区）", "国家钒钛高新区"]),
        new("八", "探索资源循环产业机制", null, ResponsibilityForm.LeadBeforeComma, ["市发展改革委", "市自然资源和规划局"], ["市生态环境局", "各县（区）", "国家钒钛高新区"]),
        new("九", "完善绿色发展倒逼机制", null, ResponsibilityForm.LeadBeforeComma, ["市发展改革委", "市经济和信息化局"], ["市生态环境局", "各县（区）", "国家钒钛高新区"]),
        new("十", "建立项目要素争取机制", null, ResponsibilityForm.LeadBeforeComma, ["市发展改革委", "市经济和信息化局"], ["各产业链牵头部门", "各县（区）", "国家钒钛高新区"]),
        new("十一", "构建园区提质运行机制", null, ResponsibilityForm.LeadBeforeComma, ["市经济和信息化局", "市自然资源和规划局", "市国资委"], ["各县（区）", "国家钒钛高新区"]),
        new("十二", "强化土地要素保障机制", null, ResponsibilityForm.LeadBeforeComma, ["市自然资源和规划局"], ["各县（区）", "国家钒钛高新区"]),
        new("十三", "提高项目审批管理效率", null, ResponsibilityForm.LeadBeforeComma, ["市政务管理局"], ["市发展改革委", "市自然资源和规划局", "市住房城乡建设局", "各县（区）", "国家钒钛高新区"]),
        new("十四", "优化公平竞争市场环境", null, ResponsibilityForm.LeadBeforeComma, ["市市场监管局", "市经济和信息化局"], ["各县（区）", "国家钒钛高新区"]),
        new("十五", "构建财金赋能引导机制", null, ResponsibilityForm.LeadBeforeComma, ["市财政局", "市国资委"], ["各县（区）", "国家钒钛高新区", "人民银行攀枝花市分行", "攀枝花金融监管分局"]),
        new("十六", "设立考核激励评价机制", null, ResponsibilityForm.LeadBeforeComma, ["市经济和信息化局", "市委组织部", "市委共富办"], ["各县（区）", "国家钒钛高新区"]),
    ];

    // 一 declares "各县（市、区）政府（含安康高新区、恒口示范区管委会，下同，不再列出）": the two parks are named with the
    // counties in every clause that names the counties.
    public static readonly ExpectedMeasure[] Ankang =
    [
        new("一", "强化工业项目谋划储备", null, ResponsibilityForm.SharedByDivision, ["市发改委", "市工信局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("二", "加快工业项目建设力度", null, ResponsibilityForm.SharedByDivision, ["市工信局", "市财政局"], []),
        new("三", "推动工业重点产业链延链补链强链", null, ResponsibilityForm.SharedByDivision, ["市发改委", "市工信局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("四", "靶向发力加大招商引资力度", null, ResponsibilityForm.SharedByDivision, ["市招商和经济合作局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("五", "做好中小企业梯次培育工作", null, ResponsibilityForm.SharedByDivision, ["市工信局", "市财政局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("六", "充分发挥科技创新赋能工业高质量发展作用", null, ResponsibilityForm.SharedByDivision, ["市科技局", "市工信局", "市税务局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("七", "切实强化工业投资要素保障", null, ResponsibilityForm.SharedByDivision, ["市工信局", "市自然资源局", "市财政局", "市金融办", "人行安康中支", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("八", "支持工业园区扩容提质", null, ResponsibilityForm.SharedByDivision, ["市发改委", "市工信局", "市财政局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("九", "持续提升项目审批服务质效", null, ResponsibilityForm.SharedByDivision, ["市工改办", "市行政审批服务局", "市发改委", "市级有关部门", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
        new("十", "健全完善工作推进机制", null, ResponsibilityForm.SharedByDivision, ["市发改委", "市工信局", "市科技局", "市招商和经济合作局", "市金融办", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], []),
    ];

    public static readonly ExpectedMeasure[] Dazhou =
    [
        new("（一）", "加快“链主”企业培育", null, ResponsibilityForm.AllResponsible, ["市发展改革委", "市经信局", "市科技局", "市民政局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市能源产业局", "市林业局", "市数据局", "市中医药局"], []),
        new("（二）", "发挥链长牵头作用", null, ResponsibilityForm.AllResponsible, ["市发展改革委", "市经信局", "市科技局", "市民政局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市能源产业局", "市林业局", "市数据局", "市中医药局"], []),
        new("（三）", "发挥牵头部门主导作用", null, ResponsibilityForm.AllResponsible, ["市发展改革委", "市经信局", "市科技局", "市民政局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市能源产业局", "市经济合作外事局", "市林业局", "市数据局", "市中医药局"], []),
        new("（四）", "制定专项扶持政策", null, ResponsibilityForm.AllResponsible, ["市委组织部", "市发展改革委", "市经信局", "市科技局", "市民政局", "市财政局", "市人力资源社会保障局", "市自然资源规划局", "市住房城乡建设局", "市交通运输局", "市水务局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市能源产业局", "市林业局", "市数据局", "市中医药局"], []),
        new("（五）", "定期开展产业交流活动", null, ResponsibilityForm.AllResponsible, ["市发展改革委", "市经信局", "市科技局", "市民政局", "市财政局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市市场监管局", "市能源产业局", "市林业局", "市数据局", "市中医药局"], []),
        // （六） has a full-width comma before the county governments, but 达州 declares no comma convention: all responsible.
        new("（六）", "营造良好发展环境", null, ResponsibilityForm.AllResponsible, ["市发展改革委", "市经信局", "市科技局", "市民政局", "市财政局", "市自然资源规划局", "市住房城乡建设局", "市交通运输局", "市农业农村局", "市商务局", "市文体旅游局", "市卫生健康委", "市市场监管局", "市能源产业局", "市林业局", "市数据局", "市中医药局", "各县（市、区）人民政府", "达州高新区管委会", "达州东部经开区管委会"], []),
        // （七） has no clause; its prose says "市经济和信息化局承担……市融圈强链办……；会同市统计局建立产业链评价指数体系",
        // "主要承载地政府要……负责……具体任务落地落实" and "协同发展地要主动对接主要承载地……做好主要承载地产业配套".
        new("（七）", "实施全域协同推进", null, ResponsibilityForm.NamedInProse, ["市经济和信息化局", "主要承载地政府"], ["市统计局", "协同发展地"]),
    ];

    public static readonly ExpectedMeasure[] Qianjiang =
    [
        new("1", "做大做强主导产业", "实施产业提档工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["各产业链牵头部门"], ["各产业链配合部门", "区财政局", "区税务局"]),
        new("2", "持续培育重点企业", "实施产业提档工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["各产业链牵头部门"], ["区金融办", "区财政局", "区规划自然资源局"]),
        new("3", "转型升级传统产业", "实施产业提档工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区经济信息委", "区大数据发展局", "正阳工业园区管委会"], ["区科技局"]),
        new("4", "明确招商方向", "实施招商提效工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区招商投资局"], ["区级相关部门", "正阳工业园区管委会"]),
        new("5", "创新招商方式", "实施招商提效工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区招商投资局", "正阳工业园区管委会"], ["区财政局", "区国资委"]),
        new("6", "组建招商队伍", "实施招商提效工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区招商投资局"], ["区级相关部门", "正阳工业园区管委会", "各乡镇街道"]),
        new("7", "强化项目开工投产", "实施项目提速工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区发展改革委", "区经济信息委", "正阳工业园区管委会"], ["区招商投资局"]),
        new("8", "强化项目专项服务", "实施项目提速工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区行政服务中心", "区招商投资局", "正阳工业园区管委会"], ["区级相关部门"]),
        new("9", "强化项目落地见效", "实施项目提速工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区经济信息委", "正阳工业园区管委会"], ["区发展改革委", "区招商投资局"]),
        new("10", "加快建设企业研发机构", "实施创新提质工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区经济信息委"], ["区科技局", "正阳工业园区管委会"]),
        new("11", "加快发展研发创新平台", "实施创新提质工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区科技局", "区经济信息委", "正阳工业园区管委会"], ["区市场监管局"]),
        new("12", "加强创新交流合作", "实施创新提质工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区发展改革委", "区科技局"], ["区经济信息委", "区国资委", "区市场监管局", "区招商投资局"]),
        new("13", "推进体制机制改革", "实施园区提标工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["正阳工业园区管委会"], ["区委组织部", "区委编办", "各行业主管部门"]),
        new("14", "建设特色产业园区", "实施园区提标工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["正阳工业园区管委会"], ["区科技局", "区经济信息委", "区农业农村委", "区卫生健康委"]),
        new("15", "促进园区提级升档", "实施园区提标工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["正阳工业园区管委会"], ["区规划和自然资源局", "区生态环境局", "区经济信息委", "区大数据发展局"]),
        new("16", "加快推动中小企业“上云”", "实施制造提能工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区大数据发展局"], ["区财政局", "正阳工业园区管委会"]),
        new("17", "深化“5G+工业互联网”应用", "实施制造提能工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区大数据发展局"], ["区国资委", "正阳工业园区管委会"]),
        new("18", "加快建设供应链信息平台", "实施制造提能工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区大数据发展局", "区经济信息委"], ["区发展改革委", "区农业农村委", "区商务委"]),
        new("19", "严守产业政策底线", "实施绿色提升工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区发展改革委"], ["区经济信息委", "正阳工业园区管委会"]),
        new("20", "实施节能降碳行动", "实施绿色提升工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区发展改革委", "区经济信息委"], ["区生态环境局", "正阳工业园区管委会"]),
        new("21", "实施工业环保行动", "实施绿色提升工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区经济信息委", "正阳工业园区管委会"], ["区水利局", "区生态环境局"]),
        new("22", "强化人才保障", "实施保障提高工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区委组织部", "区人力社保局", "区教委", "区经济信息委"], ["区国资委", "正阳工业园区管委会", "区工商联"]),
        new("23", "强化资金保障", "实施保障提高工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区财政局", "区激励办"], ["区经济信息委"]),
        new("24", "强化要素保障", "实施保障提高工程", ResponsibilityForm.ExplicitLeadAndCooperating, ["区发展改革委", "区经济信息委", "区金融办", "正阳工业园区管委会"], ["各乡镇街道"]),
        // 四、工作要求 （一）–（三）: not among the 24 tasks, but each ends in its own （牵头单位：…，配合单位：…）, so each is a measure.
        new("（一）", "加强组织保障，强化责任落实", "工作要求", ResponsibilityForm.ExplicitLeadAndCooperating, ["区经济信息委"], ["区级相关部门"]),
        new("（二）", "加强宣传引导，强化氛围营造", "工作要求", ResponsibilityForm.ExplicitLeadAndCooperating, ["区委宣传部"], ["区级相关部门", "各乡镇街道"]),
        new("（三）", "加强督查考核，强化结果运用", "工作要求", ResponsibilityForm.ExplicitLeadAndCooperating, ["区委考核办"], ["区委组织部", "区纪委监委机关", "区经济信息委", "区财政局"]),
    ];

}
