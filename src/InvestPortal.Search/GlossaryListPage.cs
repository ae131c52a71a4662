using System.Text.Json;
using InvestPortal.Core.Domain;
using InvestPortal.Core.Glossary;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Taxonomy;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvestPortal.Search;

public sealed record GlossaryListPage(int Total, int Page, int PageSize, IReadOnlyList<GlossaryEntry> Items);
