using InvestPortal.Core.Domain;
using InvestPortal.Core.Outbox;
using InvestPortal.Core.Publishing;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Web.Publishing;

public enum PublishOutcome { Done, NotAllowed, ReasonRequired, Conflict, Unchanged }
