using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using GlossaryModel = InvestPortal.Core.Glossary.Glossary;

namespace InvestPortal.Search;

/// <summary>
/// Identifies a version of the stored glossary cheaply: an edit moves the newest UpdatedAt forward (GlossaryAdmin keeps
/// it monotonic across nodes' clocks), a deletion changes the count.
/// </summary>
public readonly record struct GlossaryStamp(int Count, DateTimeOffset? Newest);
