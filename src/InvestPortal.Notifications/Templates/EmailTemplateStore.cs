using InvestPortal.Core.Domain;
using InvestPortal.Notifications.Email;

namespace InvestPortal.Notifications.Templates;

/// <summary>
/// Loads content/email once. The format is deliberately tiny so translators can edit it:
/// <code>
/// subject: …{{value}}…
/// reason: why the recipient gets this email
/// action: label of the button (optional)
/// ---
/// Paragraph one, may span lines.
///
/// {{items}}
/// </code>
/// _common.{culture}.txt holds the shared strings (portal name, greeting, footer, label lists).
/// Every template must exist in zh, ru and en; a gap fails at start, not when the email is due.
/// </summary>
public sealed class EmailTemplateStore
{
    private static readonly string[] RequiredCommon =
        ["portal", "greeting", "greeting-anonymous", "signature", "link-fallback", "unsubscribe", "preferences", "essential", "original-note", "home"];

    private readonly Dictionary<(string, string), EmailTemplate> templates = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> common = [];

    public EmailTemplateStore(string folder)
    {
        Folder = folder;
        var problems = new List<string>();
        foreach (var culture in Cultures.All)
        {
            var commonFile = Path.Combine(folder, $"_common.{culture}.txt");
            if (!File.Exists(commonFile)) { problems.Add($"missing {commonFile}"); continue; }
            var (fields, _) = Split(File.ReadAllText(commonFile), commonFile, requireBody: false);
            problems.AddRange(RequiredCommon.Where(k => !fields.ContainsKey(k)).Select(k => $"{commonFile}: no '{k}'"));
            common[culture] = fields;
            foreach (var name in EmailTemplates.All)
            {
                var file = Path.Combine(folder, $"{name}.{culture}.txt");
                if (!File.Exists(file)) { problems.Add($"missing {file}"); continue; }
                try { templates[(name, culture)] = Parse(name, culture, File.ReadAllText(file), file); }
                catch (InvalidDataException ex) { problems.Add(ex.Message); }
            }
        }
        if (problems.Count > 0)
            throw new InvalidDataException($"Email templates in {folder} are incomplete:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    public string Folder { get; }

    public EmailTemplate Get(string name, string culture) =>
        templates.TryGetValue((name, culture), out var t) ? t : throw new ArgumentException($"No email template '{name}' in '{culture}'.", nameof(name));

    public IReadOnlyDictionary<string, string> Common(string culture) => common[culture];

    public static EmailTemplate Parse(string name, string culture, string text, string source)
    {
        var (fields, body) = Split(text, source, requireBody: true);
        if (!fields.TryGetValue("subject", out var subject) || subject.Length == 0) throw new InvalidDataException($"{source}: no subject");
        if (!fields.TryGetValue("reason", out var reason) || reason.Length == 0) throw new InvalidDataException($"{source}: no reason");
        var paragraphs = body.Split(["\n\n"], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim('\n')).Where(p => p.Trim().Length > 0).ToList();
        if (paragraphs.Count == 0) throw new InvalidDataException($"{source}: empty body");
        return new EmailTemplate(name, culture, subject, reason, fields.GetValueOrDefault("action"), paragraphs);
    }

    private static (Dictionary<string, string> Fields, string Body) Split(string text, string source, bool requireBody)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF').Split('\n');
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw new InvalidDataException($"{source}:{i + 1}: expected 'key: value'");
            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (requireBody && i >= lines.Length) throw new InvalidDataException($"{source}: no '---' line before the body");
        var body = i < lines.Length ? string.Join('\n', lines[(i + 1)..].Select(l => l.TrimEnd())) : "";
        return (fields, body);
    }
}
