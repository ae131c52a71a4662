using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Notifications.Email;
using Microsoft.EntityFrameworkCore;

namespace InvestPortal.Notifications.Preferences;

public sealed record TopicPreference(string Topic, bool Enabled, AlertFrequency Frequency);
