using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Templates;
using InvestPortal.Testing;
using Xunit;

namespace InvestPortal.IntegrationTests.Notifications;

/// <summary>The templates in content/email as translators leave them.</summary>
public sealed class TemplateTests
{
    private static readonly EmailTemplateStore Store = new(Path.Combine(TestPaths.Content, "email"));

    [Fact]
    public void EveryLanguageOfATemplateUsesTheSameValues()
    {
        foreach (var name in EmailTemplates.All)
        {
            var sets = Cultures.All.Select(c =>
            {
                var t = Store.Get(name, c);
                var text = string.Join('\n', [t.Subject, t.Reason, t.Action ?? "", .. t.Paragraphs]);
                return (Culture: c, Names: EmailRenderer.PlaceholdersIn(text).Where(n => n != "portal").ToHashSet());
            }).ToList();
            foreach (var (culture, names) in sets.Skip(1))
                Assert.True(sets[0].Names.SetEquals(names), $"{name}.{culture} uses {{{{{string.Join(", ", names.Order())}}}}}, {name}.zh uses {{{{{string.Join(", ", sets[0].Names.Order())}}}}}");
        }
    }

    [Fact]
    public void AMissingTranslationFailsLoadingWithTheFileNamed()
    {
        var folder = TestPaths.NewTempFolder("templates");
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Content, "email")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.Delete(Path.Combine(folder, "interest-received.ru.txt"));

        var error = Assert.Throws<InvalidDataException>(() => new EmailTemplateStore(folder));
        Assert.Contains("interest-received.ru.txt", error.Message);
    }

    [Fact]
    public void ATemplateWithoutSubjectOrSeparatorIsRejected()
    {
        Assert.Throws<InvalidDataException>(() => EmailTemplateStore.Parse("x", "en", "reason: r\n---\nbody", "x.en.txt"));
        Assert.Throws<InvalidDataException>(() => EmailTemplateStore.Parse("x", "en", "subject: s\nreason: r\nbody", "x.en.txt"));
        var ok = EmailTemplateStore.Parse("x", "en", "subject: S {{a}}\nreason: R\n---\nOne\nline two\n\n\nThree\n", "x.en.txt");
        Assert.Equal(["One\nline two", "Three"], ok.Paragraphs);
    }
}
