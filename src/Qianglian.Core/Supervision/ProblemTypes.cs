namespace Qianglian.Core.Supervision;

/// <summary>What a problem is about (土地、电力、融资、审批、人才、市场、其他).</summary>
public enum ProblemCategory { Land = 1, Power = 2, Finance = 3, Approvals = 4, Talent = 5, Market = 6, Other = 7 }

/// <summary>Where a problem came from: the enterprise itself, a field visit, a meeting, a project's monthly report.</summary>
public enum ProblemSource { EnterpriseSelfService = 1, FieldVisit = 2, Meeting = 3, ProjectMonthlyReport = 4, Other = 5 }

/// <summary>
/// The ladder a problem climbs while unsolved (达州 （三）: 县级层面无法解决的重大问题，由各牵头部门提交产业链链长、副链长):
/// county/park unit → the chain's lead department → the chain chief → the joint meeting (联席会议, the coordination office).
/// </summary>
public enum EscalationLevel { Local = 1, LeadDepartment = 2, ChainChief = 3, JointMeeting = 4 }

/// <summary>Open: being handled at its level. Resolved: a resolution awaits the enterprise's confirmation. Closed: confirmed.</summary>
public enum ProblemStatus { Open = 1, Resolved = 2, Closed = 3 }

/// <summary>The enterprise's rating when it confirms a resolution; dissatisfied reopens the problem.</summary>
public enum Satisfaction { Satisfied = 1, BasicallySatisfied = 2, Dissatisfied = 3 }

/// <summary>Why a problem went up a level: its deadline passed, or the unit declared it beyond its powers.</summary>
public enum EscalationReason { Overdue = 1, BeyondPowers = 2 }

public enum ProblemAction { Assign, Escalate, Resolve, Confirm, Reopen }
