using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InvestPortal.Web.Infrastructure;

/// <summary>
/// The one way a check's findings reach a form: a service or input class returns (field, message) pairs, and the page
/// adds them under its bound prefix ("Input.Website"), so each error shows next to its field in the page's language.
/// </summary>
public static class FieldErrors
{
    /// <summary>Adds each (field, message) as "prefix.field"; an empty field is an error of the whole form.</summary>
    public static void AddFieldErrors(this ModelStateDictionary state, string prefix, IEnumerable<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
            state.AddModelError(field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}", message);
    }
}
