using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InvestPortal.Core.Domain;

namespace InvestPortal.Notifications.Templates;

public sealed record RenderItem(string Title, string Url, string? Summary, string? TextCulture);
