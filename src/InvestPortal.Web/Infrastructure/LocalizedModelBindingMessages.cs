using InvestPortal.Core.Domain;
using InvestPortal.Data;
using InvestPortal.Data.Identity;
using InvestPortal.Web.Localization;
using InvestPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using InvestPortal.Web.Accounts;
using InvestPortal.Web.Discovery;
using InvestPortal.Web.Investing;

namespace InvestPortal.Web.Infrastructure;

/// <summary>Model-binding messages ("The value 'x' is not valid") in the visitor's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>
{
    public void Configure(Microsoft.AspNetCore.Mvc.MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.ValueInvalid", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
        m.SetUnknownValueIsInvalidAccessor(f => l["Validation.ValueInvalidUnknown"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.ValueInvalidUnknown"]);
        m.SetValueMustNotBeNullAccessor(v => l["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(v => l["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
        m.SetValueMustBeANumberAccessor(f => l["Validation.Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.Number"]);
    }
}
