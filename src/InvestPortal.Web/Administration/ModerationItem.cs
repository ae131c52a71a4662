using InvestPortal.Core.Domain;
using InvestPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Administration;

public sealed record ModerationItem(Opportunity Entity, ModerationKind Kind, DateTimeOffset WaitingSince);
