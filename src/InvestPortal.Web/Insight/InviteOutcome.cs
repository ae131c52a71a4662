using System.Globalization;
using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using InvestPortal.Notifications.Outbox;
using InvestPortal.Web.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace InvestPortal.Web.Insight;

public enum InviteOutcome { Sent, AlreadyInvited, NotPublished, NotAMatch, NoAddress, Unsubscribed, SearchUnavailable }
