using InvestPortal.Notifications.Email;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>What each event's email must say, written out by hand per language (not derived from the templates).</summary>
public static class EmailTemplateCases
{
    public sealed record Case(
        string LinkPath, bool Essential, Dictionary<string, string> Values, Dictionary<string, string> Subjects,
        Dictionary<string, string[]> Labels, EmailItem[] Items);

    private const string T = "Heihe Timber Processing Park";
    private const string S = "Timber in Heihe";
    private const string Org = "Heihe Commerce Bureau";

    private static Dictionary<string, string> Subjects(string zh, string ru, string en) => new() { ["zh"] = zh, ["ru"] = ru, ["en"] = en };
    private static readonly Dictionary<string, string[]> NoLabels = new() { ["zh"] = [], ["ru"] = [], ["en"] = [] };

    /// <summary>Greeting (with the recipient's name) and signature: proof that the body, not only the subject, is in that language.</summary>
    public static readonly Dictionary<string, string[]> LanguagePhrases = new()
    {
        ["zh"] = ["您好", "黑龙江对俄投资合作门户团队"],
        ["ru"] = ["Здравствуйте, Ivan Petrov!", "С уважением"],
        ["en"] = ["Dear Ivan Petrov,", "The Heilongjiang–Russia Investment Portal team"],
    };

    public static readonly Dictionary<string, string> EssentialNote = new()
    {
        ["zh"] = "这是与您账户安全相关的必要邮件",
        ["ru"] = "Это служебное письмо",
        ["en"] = "This is an essential email",
    };

    public static readonly Dictionary<string, Case> All = new()
    {
        [EmailTemplates.AccountConfirmEmail] = new("account/confirm-email?userId=user-42&code=abc", true, [],
            Subjects("请确认您在黑龙江对俄投资合作门户注册的电子邮箱", "Подтвердите адрес электронной почты", "Confirm your email address for the Heilongjiang–Russia Investment Portal"),
            new() { ["zh"] = ["确认邮箱地址"], ["ru"] = ["Подтвердить адрес"], ["en"] = ["Confirm email address"] }, []),
        [EmailTemplates.AccountPasswordReset] = new("account/reset-password?code=xyz", true, [],
            Subjects("重置您的密码", "Сброс пароля", "Reset your password"),
            new() { ["zh"] = ["设置新密码"], ["ru"] = ["Задать новый пароль"], ["en"] = ["Choose a new password"] }, []),
        [EmailTemplates.AccountAlreadyRegistered] = new("account/login", true, [],
            Subjects("您已在黑龙江对俄投资合作门户拥有账户", "У вас уже есть учётная запись на портале «Хэйлунцзян — Россия»", "You already have an account on the Heilongjiang–Russia Investment Portal"),
            new() { ["zh"] = ["登录"], ["ru"] = ["Войти"], ["en"] = ["Sign in"] }, []),
        [EmailTemplates.OpportunitySubmitted] = new("admin/moderation", false, new() { ["opportunityTitle"] = T, ["organizationName"] = Org },
            Subjects($"待审核项目：“{T}”", $"На модерацию: «{T}»", $"For review: “{T}”"), NoLabels, []),
        [EmailTemplates.OpportunityApproved] = new("opportunities/heihe-timber", false, new() { ["opportunityTitle"] = T },
            Subjects($"项目已通过审核并发布：“{T}”", $"Проект одобрен и опубликован: «{T}»", $"Approved and published: “{T}”"), NoLabels, []),
        [EmailTemplates.OpportunityRejected] = new("my/opportunities/7", false, new() { ["opportunityTitle"] = T, ["rejectionReason"] = "The investment amount is missing." },
            Subjects($"项目未通过审核：“{T}”", $"Проект не одобрен: «{T}»", $"Not approved: “{T}”"), NoLabels, []),
        [EmailTemplates.OpportunityClosed] = new("my/opportunities/7", false, new() { ["opportunityTitle"] = T },
            Subjects($"项目已关闭：“{T}”", $"Проект закрыт: «{T}»", $"Closed: “{T}”"), NoLabels, []),
        [EmailTemplates.OpportunityExpiryReminder] = new("my/opportunities/7", false, new() { ["opportunityTitle"] = T, ["expiryDate"] = "2026-12-31" },
            Subjects($"项目“{T}”将于2026-12-31到期", $"Срок размещения проекта «{T}» истекает 2026-12-31", $"“{T}” expires on 2026-12-31"), NoLabels, []),
        [EmailTemplates.InterestReceived] = new("my/interests/5", false,
            new() { ["opportunityTitle"] = T, ["organizationName"] = "Amur Forest LLC", ["message"] = "We would like to visit in March.\nTwo engineers will come." },
            Subjects($"“{T}”收到新的合作意向", $"Новое заявление о заинтересованности: «{T}»", $"New expression of interest in “{T}”"), NoLabels, []),
        [EmailTemplates.InterestAcknowledged] = new("my/interests/5", false, new() { ["opportunityTitle"] = T, ["ownerOrganization"] = Org },
            Subjects($"您对“{T}”的合作意向已被确认", $"Получение вашего заявления по проекту «{T}» подтверждено", $"Your interest in “{T}” has been acknowledged"), NoLabels, []),
        [EmailTemplates.InterestStatusChanged] = new("my/interests/5", false, new() { ["opportunityTitle"] = T, ["status"] = "InDiscussion" },
            Subjects($"您对“{T}”的合作意向状态已更新", $"Статус вашего заявления по проекту «{T}» изменён", $"Status update on your interest in “{T}”"),
            new() { ["zh"] = ["洽谈中"], ["ru"] = ["идут переговоры"], ["en"] = ["in discussion"] }, []),
        [EmailTemplates.InterestWithdrawn] = new("my/opportunities/7/interests/5", false, new() { ["opportunityTitle"] = T, ["organizationName"] = "Amur Forest LLC" },
            Subjects($"合作意向已撤回：“{T}”", $"Заявление о заинтересованности отозвано: «{T}»", $"Expression of interest withdrawn: “{T}”"), NoLabels, []),
        // The owner's own officials get the reminder: it names the investor, not their own organization.
        [EmailTemplates.InterestReplyReminder] = new("my/opportunities/7/interests/5", false,
            new() { ["opportunityTitle"] = T, ["organizationName"] = "Amur Forest LLC", ["days"] = "6" },
            Subjects($"Amur Forest LLC仍在等待您对“{T}”的答复", $"Amur Forest LLC всё ещё ждёт вашего ответа по проекту «{T}»",
                $"Amur Forest LLC is still waiting for your reply about “{T}”"), NoLabels, []),
        [EmailTemplates.InterestReplyOverdue] = new("admin/landing", false,
            new() { ["opportunityTitle"] = T, ["organizationName"] = "Amur Forest LLC", ["ownerOrganization"] = Org, ["days"] = "11" },
            Subjects($"已11天未答复：对“{T}”的合作意向", $"Без ответа 11 дн.: заявление о заинтересованности в проекте «{T}»",
                $"Unanswered for 11 days: an interest in “{T}”"), NoLabels, []),
        [EmailTemplates.SavedSearchMatch] = new("opportunities/heihe-timber", false,
            new() { ["savedSearchName"] = S, ["opportunityTitle"] = T, ["opportunitySummary"] = "Sawmill and panel plant by the Heihe–Blagoveshchensk bridge.", ["manageUrl"] = "https://invest.example.org/en/my/alerts" },
            Subjects($"“{S}”有新的匹配项目：{T}", $"Новый проект по подписке «{S}»: {T}", $"New match for “{S}”: {T}"), NoLabels, []),
        [EmailTemplates.SavedSearchDigest] = new("opportunities?sector=forestry-timber&location=231100", false,
            new() { ["savedSearchName"] = S, ["count"] = "2", ["frequency"] = "Weekly" },
            Subjects($"每周摘要：“{S}”的新项目", $"Еженедельная сводка: новые проекты по подписке «{S}»", $"Weekly digest: new opportunities for “{S}”"),
            new() { ["zh"] = ["每周摘要"], ["ru"] = ["еженедельную сводку"], ["en"] = ["a weekly digest"] },
            [new EmailItem("Heihe sawmill", "opportunities/heihe-sawmill", "Round-wood processing, 300 million CNY"),
             new EmailItem("Fuyuan pellet plant", "opportunities/fuyuan-pellets", null, "zh")]),
        [EmailTemplates.InvestorInvitation] = new("opportunities/heihe-timber", false,
            new() { ["inviterName"] = "Zhang Min", ["organizationName"] = Org, ["opportunityTitle"] = T, ["message"] = "Your ticket range fits our second phase." },
            Subjects($"{Org}邀请您了解项目“{T}”", $"Приглашение ознакомиться с проектом «{T}»", $"Invitation from {Org}: “{T}”"), NoLabels, []),
    };
}
