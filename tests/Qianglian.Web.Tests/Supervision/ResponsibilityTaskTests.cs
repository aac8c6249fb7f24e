using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Tests.Hosting;

namespace Qianglian.Web.Tests.Supervision;

/// <summary>
/// Issue 14 item 2: catch-all names expand, never vanish. 各县（区） becomes a task of each county government, 各产业链
/// 牵头/配合部门 of each chain's departments (a chain without one is a gap), 各乡镇街道 of each township, and 区级相关部门,
/// 各行业主管部门 or a class with nobody in it a 待分派 task the office assigns to named units.
/// Counties, parks, chains and townships the packs may lack are made here; whatever the packs add is used as it is.
/// </summary>
public abstract class ResponsibilityTaskTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    private async Task<(Guid Document, Guid Place)> DocumentOf(string pack)
    {
        await using var db = host.OpenSystem();
        var d = await db.PolicyDocuments.Where(x => x.PackCode == pack).Select(x => new { x.Id, x.JurisdictionId }).SingleAsync();
        return (d.Id, d.JurisdictionId);
    }

    /// <summary>The pack's document with the demo's planning of it undone, so the test reads one planning from the text.</summary>
    private async Task<(Guid Document, Guid Place)> UnplannedDocumentOf(string pack)
    {
        var (document, place) = await DocumentOf(pack);
        await using var db = host.OpenSystem();
        await db.MeasureTasks.Where(t => t.DocumentId == document).ExecuteDeleteAsync();
        return (document, place);
    }

    private async Task<Guid> UnitOf(string key)
    {
        await using var db = host.OpenSystem();
        return await db.Units.Where(u => u.Key == key).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Makes sure the place has at least the given county and every county under it has one people's government.</summary>
    private async Task<Dictionary<string, Guid>> CountyGovernments(Guid place, string code, string name)
    {
        await using var db = host.OpenSystem();
        var parent = await db.Jurisdictions.SingleAsync(j => j.Id == place);
        if (!await db.Jurisdictions.AnyAsync(j => j.Code == code))
            db.Jurisdictions.Add(Jurisdiction.Create(code, name, JurisdictionLevel.County, parent));
        await db.SaveChangesAsync();
        var counties = await db.Jurisdictions.Where(j => j.ParentId == place && j.Level == JurisdictionLevel.County).ToListAsync();
        var governments = new Dictionary<string, Guid>();
        foreach (var county in counties)
        {
            var government = await db.Units.Where(u => u.JurisdictionId == county.Id && u.Kind == UnitKind.CountyGovernment).ToListAsync();
            if (government.Count == 0)
            {
                var unit = new GovernmentUnit { JurisdictionId = county.Id, Key = $"test.gov.{county.Code}", Name = $"{county.Name}人民政府", Kind = UnitKind.CountyGovernment };
                db.Units.Add(unit);
                government.Add(unit);
            }
            governments[county.Name] = government.Single().Id;
        }
        await db.SaveChangesAsync();
        return governments;
    }

    private async Task<JsonElement> Generate(string user, Guid document)
    {
        var response = await (await host.ClientFor(user)).PostAsJsonAsync($"/api/v1/documents/{document}/tasks", new { startOn = "2025-01-01" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<MeasureTask>> TasksOf(Guid document, string number)
    {
        await using var db = host.OpenSystem();
        var measure = await db.Measures.Where(m => m.DocumentId == document && m.Number == number).Select(m => m.Id).SingleAsync();
        return await db.MeasureTasks.Where(t => t.MeasureId == measure).ToListAsync();
    }

    private static string[] Strings(JsonElement result, string property) => result.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Panzhihua_gives_each_county_government_and_each_chain_lead_department_its_task()
    {
        var (document, place) = await UnplannedDocumentOf("panzhihua");
        var counties = await CountyGovernments(place, "510402", "东区");
        Guid jxj = await UnitOf("panzhihua.jxj"), kjj = await UnitOf("panzhihua.kjj");
        await using (var db = host.OpenSystem())
        {
            // The pack declares 13 chains but names none: three are made here, one without a lead department.
            db.Chains.AddRange(
                new Chain { JurisdictionId = place, Name = "测试·钒钛链", Ordinal = 101, LeadUnitId = jxj },
                new Chain { JurisdictionId = place, Name = "测试·光伏链", Ordinal = 102, LeadUnitId = kjj },
                new Chain { JurisdictionId = place, Name = "测试·低空链", Ordinal = 103 });
            await db.SaveChangesAsync();
        }
        var result = await Generate("admin", document);
        Assert.Contains(Strings(result, "gaps"), g => g.StartsWith("各产业链牵头部门：测试·低空链", StringComparison.Ordinal));

        string[] all = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];
        foreach (var number in all)
        {
            var tasks = await TasksOf(document, number);
            // 〔…，各县（区）、国家钒钛高新区〕 in every measure: after the comma, so each county government cooperates.
            foreach (var (county, unit) in counties)
                Assert.Contains(tasks, t => t.UnitId == unit && t.Role == MeasureRole.Cooperating && t.NamedAs == "各县（区）" && t.Via == county);
            Assert.DoesNotContain(tasks, t => t.UnitId == null && t.NamedAs == "各县（区）");
        }
        // 一、二、三、十 name 各产业链牵头部门 after the comma: 市科技局 (光伏链) cooperates; 市经信局 (钒钛链) leads 一 and 三
        // and 十 by name, so it keeps its lead task there and cooperates in 二.
        foreach (var (number, jxjRole) in new[] { ("一", MeasureRole.Lead), ("二", MeasureRole.Cooperating), ("三", MeasureRole.Lead), ("十", MeasureRole.Lead) })
        {
            var tasks = await TasksOf(document, number);
            Assert.Single(tasks, t => t.UnitId == jxj);
            Assert.Equal(jxjRole, tasks.Single(t => t.UnitId == jxj).Role);
            var science = tasks.Single(t => t.UnitId == kjj);
            if (number == "三") Assert.Equal(MeasureRole.Lead, science.Role); // 三 names 市科技局 first among its leads
            else Assert.Equal((MeasureRole.Cooperating, "各产业链牵头部门", "测试·光伏链"), (science.Role, science.NamedAs, science.Via));
        }
        // 四 does not name the chains' departments: 市科技局 leads it by name, 市经信局 has no task there.
        Assert.DoesNotContain(await TasksOf(document, "四"), t => t.UnitId == jxj);

        var again = await Generate("admin", document);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Qianjiang_core_tasks_are_led_by_each_chains_lead_department_and_open_names_wait_for_assignment()
    {
        var (document, place) = await UnplannedDocumentOf("qianjiang");
        Guid jxw = await UnitOf("qianjiang.jxw"), sww = await UnitOf("qianjiang.sww"), kjj = await UnitOf("qianjiang.kjj"), czj = await UnitOf("qianjiang.czj");
        List<Guid> townships;
        await using (var db = host.OpenSystem())
        {
            var chains = await db.Chains.Where(c => c.JurisdictionId == place).ToDictionaryAsync(c => c.Name);
            (chains["卷烟及配套"].LeadUnitId, chains["新材料"].LeadUnitId, chains["消费品工业"].LeadUnitId) = (jxw, jxw, sww);
            chains["新材料"].CooperatingUnitIds = [kjj, czj];
            await db.SaveChangesAsync();
            // The pack registers 黔江's 6 街道, 12 镇 and 12 乡 (the document's addressees).
            townships = await db.Units.Where(u => u.Kind == UnitKind.Township && u.JurisdictionId == place).Select(u => u.Id).ToListAsync();
        }
        Assert.Equal(30, townships.Count);
        var result = await Generate("admin", document);
        var gaps = Strings(result, "gaps");
        Assert.Contains("各产业链牵头部门：生物医药：未设牵头部门 (no lead department)", gaps);
        Assert.Contains("各产业链牵头部门：新能源：未设牵头部门 (no lead department)", gaps);
        Assert.Contains(Strings(result, "unassigned"), n => n == "区级相关部门");

        // 1.（牵头单位：各产业链牵头部门，配合单位：各产业链配合部门、区财政局、区税务局）
        var one = await TasksOf(document, "1");
        var leads = one.Where(t => t.Role == MeasureRole.Lead).ToList();
        Assert.Equal(new[] { jxw, sww }.Order(), leads.Select(t => t.UnitId!.Value).Order());
        Assert.Equal(("各产业链牵头部门", "卷烟及配套、新材料"), (leads.Single(t => t.UnitId == jxw).NamedAs, leads.Single(t => t.UnitId == jxw).Via));
        // 新材料's cooperating departments join the named 区财政局 and 区税务局; 区财政局 is named itself, so once, as written.
        Assert.Contains(one, t => t.UnitId == kjj && t.Role == MeasureRole.Cooperating && t.NamedAs == "各产业链配合部门");
        Assert.Single(one, t => t.UnitId == czj);
        Assert.Null(one.Single(t => t.UnitId == czj).NamedAs);
        Assert.DoesNotContain(one, t => t.UnitId == null);
        // 2. has the same lead.
        Assert.Equal(new[] { jxw, sww }.Order(), (await TasksOf(document, "2")).Where(t => t.Role == MeasureRole.Lead).Select(t => t.UnitId!.Value).Order());

        // 6.（…配合单位：区级相关部门、正阳工业园区管委会、各乡镇街道）: each township cooperates; 区级相关部门 waits at 黔江.
        var six = await TasksOf(document, "6");
        foreach (var township in townships) Assert.Contains(six, t => t.UnitId == township && t.Role == MeasureRole.Cooperating && t.NamedAs == "各乡镇街道");
        foreach (var township in townships) Assert.Contains(await TasksOf(document, "24"), t => t.UnitId == township && t.Role == MeasureRole.Cooperating);
        var open = Assert.Single(six, t => t.UnitId == null);
        Assert.Equal((MeasureTaskStatus.Unassigned, "区级相关部门", MeasureRole.Cooperating, place), (open.Status, open.NamedAs, open.Role, open.JurisdictionId));
        // 13. 各行业主管部门 likewise.
        Assert.Contains(await TasksOf(document, "13"), t => t.UnitId == null && t.NamedAs == "各行业主管部门" && t.Status == MeasureTaskStatus.Unassigned);

        // 四、工作要求 （一）–（三） carry their own clauses and are tasked as written.
        var khb = await UnitOf("qianjiang.khb");
        var first = await TasksOf(document, "（一）");
        Assert.Equal((jxw, MeasureRole.Lead), first.Where(t => t.UnitId != null).Select(t => (t.UnitId!.Value, t.Role)).Single());
        Assert.Contains(first, t => t.UnitId == null && t.NamedAs == "区级相关部门" && t.Role == MeasureRole.Cooperating);
        var second = await TasksOf(document, "（二）");
        Assert.Equal([await UnitOf("qianjiang.xcb")], second.Where(t => t.Role == MeasureRole.Lead).Select(t => t.UnitId!.Value));
        foreach (var township in townships) Assert.Contains(second, t => t.UnitId == township && t.Role == MeasureRole.Cooperating && t.NamedAs == "各乡镇街道");
        var third = await TasksOf(document, "（三）");
        Assert.Equal([khb], third.Where(t => t.Role == MeasureRole.Lead).Select(t => t.UnitId!.Value));
        Assert.Equal(
            new[] { await UnitOf("qianjiang.zzb"), await UnitOf("qianjiang.jwjw"), jxw, czj }.Order(),
            third.Where(t => t.Role == MeasureRole.Cooperating).Select(t => t.UnitId!.Value).Order());

        var again = await Generate("admin", document);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Single(await TasksOf(document, "6"), t => t.UnitId == null);
        var listed = await (await host.ClientFor("admin")).GetFromJsonAsync<JsonElement>($"/api/v1/tasks?documentId={document}&unassigned=true&pageSize=500");
        Assert.All(listed.GetProperty("items").EnumerateArray(), t => Assert.Equal("Unassigned", t.GetProperty("status").GetString()));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == open.Id);
    }

    [Fact]
    public async Task Ankang_counties_include_the_parks_its_first_clause_names_in_every_later_clause()
    {
        var (document, place) = await UnplannedDocumentOf("ankang");
        var counties = await CountyGovernments(place, "610902", "汉滨区");
        Guid gx = await UnitOf("ankang.gxqgwh"), hk = await UnitOf("ankang.hkgwh");
        await Generate("admin", document);
        foreach (var number in new[] { "一", "三", "十" })
        {
            var tasks = await TasksOf(document, number);
            foreach (var unit in counties.Values) Assert.Contains(tasks, t => t.UnitId == unit && t.Role == MeasureRole.Lead && t.NamedAs == "各县（市、区）政府");
            // "含安康高新区、恒口示范区管委会": the park 安康高新区 is its committee.
            Assert.Contains(tasks, t => t.UnitId == gx && t.Role == MeasureRole.Lead);
            Assert.Contains(tasks, t => t.UnitId == hk && t.Role == MeasureRole.Lead);
        }
        Assert.DoesNotContain(await TasksOf(document, "二"), t => t.UnitId == gx);
        Assert.Contains(await TasksOf(document, "九"), t => t.UnitId == null && t.NamedAs == "市级有关部门" && t.Role == MeasureRole.Lead);
    }

    [Fact]
    public async Task Dazhou_seven_tasks_the_unit_its_prose_names_the_one_it_works_with_and_each_chains_places()
    {
        // 达州 （七） has no clause: "市经济和信息化局承担……；会同市统计局建立产业链评价指数体系"; "主要承载地政府要……负责……
        // 具体任务落地落实"; "协同发展地要主动对接主要承载地……做好主要承载地产业配套".
        var (document, place) = await UnplannedDocumentOf("dazhou");
        Guid jxj = await UnitOf("dazhou.jxj"), tjj = await UnitOf("dazhou.tjj"), tczf = await UnitOf("dazhou.tczf"), dczf = await UnitOf("dazhou.dczf");
        string[] names;
        await using (var db = host.OpenSystem())
        {
            var tongchuan = await db.Jurisdictions.Where(j => j.Code == "511702").Select(j => j.Id).SingleAsync();
            var dachuan = await db.Jurisdictions.Where(j => j.Code == "511703").Select(j => j.Id).SingleAsync();
            // The pack names no chains under its seven domains: the demo's are cleared of places and three are made here.
            foreach (var chain in await db.Chains.Where(c => c.JurisdictionId == place).ToListAsync())
                (chain.HostJurisdictionIds, chain.CollaboratingJurisdictionIds) = ([], []);
            Chain[] made =
            [
                new() { JurisdictionId = place, Name = "测试·天然气化工链", Ordinal = 101, HostJurisdictionIds = [tongchuan], CollaboratingJurisdictionIds = [dachuan] },
                new() { JurisdictionId = place, Name = "测试·锂钾链", Ordinal = 102, HostJurisdictionIds = [tongchuan] },
                new() { JurisdictionId = place, Name = "测试·低空链", Ordinal = 103 },
            ];
            db.Chains.AddRange(made);
            await db.SaveChangesAsync();
            names = made.Select(c => c.Name).ToArray();
        }
        var result = await Generate("admin", document);
        var tasks = await TasksOf(document, "（七）");
        Assert.Equal([(jxj, MeasureRole.Lead, (string?)null), (tczf, MeasureRole.Lead, "主要承载地政府"), (tjj, MeasureRole.Cooperating, null), (dczf, MeasureRole.Cooperating, "协同发展地")],
            tasks.OrderBy(t => t.Role).ThenBy(t => t.NamedAs != null).Select(t => (t.UnitId!.Value, t.Role, t.NamedAs)).ToArray());
        // 通川区 hosts two chains: one task naming both.
        Assert.Equal($"{names[0]}、{names[1]}", tasks.Single(t => t.UnitId == tczf).Via);
        Assert.Equal(names[0], tasks.Single(t => t.UnitId == dczf).Via);
        // A chain without places is listed, never silently skipped.
        var gaps = Strings(result, "gaps");
        Assert.Contains($"主要承载地政府：{names[2]}：未设主要承载地 (no host place set)", gaps);
        Assert.Contains($"协同发展地：{names[1]}：未设协同发展地 (no collaborating place set)", gaps);
        Assert.DoesNotContain(tasks, t => t.UnitId == null);
    }

    [Fact]
    public async Task A_measure_whose_text_names_no_unit_waits_for_assignment_once()
    {
        var (document, place) = await UnplannedDocumentOf("dazhou");
        Guid silent;
        await using (var db = host.OpenSystem())
        {
            var ordinal = 100 + await db.Measures.CountAsync(m => m.DocumentId == document);
            var measure = new Measure { JurisdictionId = place, DocumentId = document, Number = $"{ordinal}", Ordinal = ordinal, Title = "测试：未写明责任单位的措施" };
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            silent = measure.Id;
        }
        var result = await Generate("admin", document);
        Assert.Contains(PlanTasks.NoUnitNamed, Strings(result, "unassigned"));
        await Generate("admin", document);
        await using var check = host.OpenSystem();
        var task = Assert.Single(await check.MeasureTasks.Where(t => t.MeasureId == silent).ToListAsync());
        Assert.Equal((null, MeasureTaskStatus.Unassigned, MeasureRole.Lead, PlanTasks.NoUnitNamed), (task.UnitId, task.Status, task.Role, task.NamedAs));
    }

    /// <summary>A 待分派 task of a new measure of the 西区 document, with a milestone; optionally a unit already tasked with the measure.</summary>
    private async Task<(MeasureTask Task, Guid Measure)> OpenTask(Guid? alreadyTasked = null)
    {
        var (document, place) = await DocumentOf("xiqu");
        await using var db = host.OpenSystem();
        var ordinal = 100 + await db.Measures.CountAsync(m => m.DocumentId == document);
        var measure = new Measure { JurisdictionId = place, DocumentId = document, Number = $"{ordinal}", Ordinal = ordinal, Title = "测试措施" };
        var task = new MeasureTask
        {
            JurisdictionId = place, DocumentId = document, MeasureId = measure.Id, Role = MeasureRole.Cooperating, NamedAs = "区级相关部门",
            Title = "测试任务", StartOn = new DateOnly(2025, 1, 1), DueOn = new DateOnly(2099, 12, 31), Status = MeasureTaskStatus.Unassigned,
        };
        db.AddRange(measure, task, new TaskMilestone { JurisdictionId = place, TaskId = task.Id, Title = "方案印发", DueOn = new DateOnly(2099, 6, 30) });
        if (alreadyTasked is { } unit)
            db.Add(new MeasureTask { JurisdictionId = place, DocumentId = document, MeasureId = measure.Id, UnitId = unit, Role = MeasureRole.Lead, Title = "测试任务", StartOn = task.StartOn });
        await db.SaveChangesAsync();
        return (task, measure.Id);
    }

    private async Task<long> AuditCount()
    {
        await using var db = host.OpenSystem();
        return await db.AuditEntries.LongCountAsync();
    }

    [Fact]
    public async Task The_office_assigns_an_open_task_to_named_units_of_its_own_jurisdiction()
    {
        var (open, measure) = await OpenTask();
        Guid kjj = await UnitOf("xiqu.kjj"), jxj = await UnitOf("xiqu.jxj");
        var office = await host.ClientFor("xiqu.office");
        var url = $"/api/v1/tasks/{open.Id}/assign";

        // Nobody reports on a task no unit holds.
        var report = await (await host.ClientFor("xiqu.operator")).PostAsJsonAsync($"/api/v1/tasks/{open.Id}/reports", new { period = "2025-02", progress = "无" });
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Contains("待分派", await report.Content.ReadAsStringAsync());

        // Role: an operator may not assign.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientFor("xiqu.operator")).PostAsJsonAsync(url, new { unitIds = new[] { kjj }, version = open.Version })).StatusCode);
        var before = await AuditCount();
        // Scope: a 达州 unit, and a 攀枝花 city bureau above 西区, are not the office's to assign; nothing is written.
        foreach (var foreign in new[] { await UnitOf("dazhou.jxj"), await UnitOf("panzhihua.jxj") })
        {
            var refused = await office.PostAsJsonAsync(url, new { unitIds = new[] { kjj, foreign }, version = open.Version });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Contains("unitIds", await refused.Content.ReadAsStringAsync());
        }
        var none = await office.PostAsJsonAsync(url, new { unitIds = Array.Empty<Guid>(), version = open.Version });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(before, await AuditCount());

        var assigned = await office.PostAsJsonAsync(url, new { unitIds = new[] { kjj, jxj }, version = open.Version });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var ids = (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Equal(open.Id, ids[0]);
        await using (var db = host.OpenSystem())
        {
            var tasks = await db.MeasureTasks.Where(t => t.MeasureId == measure).ToListAsync();
            Assert.Equal(2, tasks.Count);
            Assert.All(tasks, t => Assert.Equal((MeasureTaskStatus.InProgress, MeasureRole.Cooperating, "区级相关部门"), (t.Status, t.Role, t.NamedAs)));
            Assert.Equal(kjj, tasks.Single(t => t.Id == open.Id).UnitId);
            Assert.Equal(jxj, tasks.Single(t => t.Id == ids[1]).UnitId);
            Assert.Equal(2, await db.TaskMilestones.CountAsync(m => ids.Contains(m.TaskId) && m.Title == "方案印发"));
            // Audited through the ordinary save: the task's change and the new task.
            var keys = ids.Select(i => i.ToString()).ToList();
            var entries = await db.AuditEntries.Where(a => a.Sequence > before && a.EntityType == nameof(MeasureTask)).Select(a => a.EntityKey).ToListAsync();
            Assert.All(keys, k => Assert.Contains(entries, e => e.Contains(k, StringComparison.OrdinalIgnoreCase)));
        }
        // Once assigned it is no longer open.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync(url, new { unitIds = new[] { kjj }, version = open.Version + 1 })).StatusCode);
        // The unit now sees it as its own.
        var detail = await office.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{open.Id}");
        Assert.Equal("区科技局", detail.GetProperty("row").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_unit_already_tasked_with_the_measure_is_refused_and_a_stale_version_conflicts()
    {
        var czj = await UnitOf("xiqu.czj");
        var (open, _) = await OpenTask(alreadyTasked: czj);
        var office = await host.ClientFor("xiqu.office");
        var taken = await office.PostAsJsonAsync($"/api/v1/tasks/{open.Id}/assign", new { unitIds = new[] { czj }, version = open.Version });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("已承担该措施的任务", await taken.Content.ReadAsStringAsync());
        var stale = await office.PostAsJsonAsync($"/api/v1/tasks/{open.Id}/assign", new { unitIds = new[] { await UnitOf("xiqu.kjj") }, version = open.Version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var db = host.OpenSystem();
        Assert.Equal(MeasureTaskStatus.Unassigned, (await db.MeasureTasks.SingleAsync(t => t.Id == open.Id)).Status);
    }
}

public sealed class ResponsibilityTasksOnSqlite(SqliteHost host) : ResponsibilityTaskTests<SqliteHost>(host);
public sealed class ResponsibilityTasksOnPostgres(PostgresHost host) : ResponsibilityTaskTests<PostgresHost>(host);
