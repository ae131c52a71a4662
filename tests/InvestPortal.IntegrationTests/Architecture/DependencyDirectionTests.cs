using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace InvestPortal.IntegrationTests.Architecture;

/// <summary>
/// The Web project's direction is Pages → feature folders → Data/Search/Notifications → Core: pages may call any
/// feature, no feature may reach back into a page, Pages/ holds pages only, and no page uses the database itself.
/// </summary>
public class DependencyDirectionTests
{
    private static readonly Assembly Web = typeof(InvestPortal.Web.SharedResource).Assembly;

    [Fact]
    public void Code_outside_Pages_does_not_depend_on_Pages()
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespaceStartingWith("InvestPortal.Web")
            .And().DoNotResideInNamespaceStartingWith("InvestPortal.Web.Pages")
            .ShouldNot().HaveDependencyOn("InvestPortal.Web.Pages")
            .GetResult();
        Assert.True(result.IsSuccessful, "Reaching back into Pages: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Lower_projects_do_not_depend_on_the_Web_project()
    {
        foreach (var lower in new[] { typeof(InvestPortal.Data.PortalDbContext).Assembly, typeof(InvestPortal.Core.Search.ISearchEngine).Assembly })
        {
            var result = Types.InAssembly(lower).ShouldNot().HaveDependencyOn("InvestPortal.Web").GetResult();
            Assert.True(result.IsSuccessful, $"{lower.GetName().Name} depends on Web: " + string.Join(", ", result.FailingTypeNames ?? []));
        }
    }

    [Fact]
    public void Services_do_not_live_in_Pages()
    {
        // A service in Pages/ is found by nobody looking for its feature. A service is recognised by what it is given:
        // an interface, or a type of the data, search, notification or framework layers. Page models and the plain
        // records and forms a page binds to stay.
        static bool IsServiceDependency(Type t) => t.IsInterface
            || t.Namespace is { } ns && (ns.StartsWith("InvestPortal.Data", StringComparison.Ordinal) || ns.StartsWith("InvestPortal.Search", StringComparison.Ordinal)
                || ns.StartsWith("InvestPortal.Notifications", StringComparison.Ordinal) || ns.StartsWith("Microsoft.", StringComparison.Ordinal));
        var services = Types.InAssembly(Web)
            .That().ResideInNamespaceStartingWith("InvestPortal.Web.Pages")
            .And().AreClasses().And().DoNotInherit(typeof(PageModel))
            .GetTypes()
            .Where(t => !t.IsNested) // types nested in a page model are that page's view models
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => IsServiceDependency(p.ParameterType))))
            .Select(t => t.FullName).ToList();
        Assert.Empty(services);
    }

    [Fact]
    public void Pages_holds_page_models_only()
    {
        // Forms, view models and rules a page binds to live in the page's feature folder, where whoever changes the
        // feature looks; a type nested in a page model is that page's own and stays with it.
        var strays = Types.InAssembly(Web)
            .That().ResideInNamespaceStartingWith("InvestPortal.Web.Pages")
            .GetTypes()
            .Where(t => !t.IsNested && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Where(t => !typeof(PageModel).IsAssignableFrom(t) && !typeof(Microsoft.AspNetCore.Mvc.Razor.IRazorPage).IsAssignableFrom(t)) // compiled views
            .Select(t => t.FullName).ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void No_page_model_uses_the_database_directly()
    {
        // A page binds input, calls one feature service and maps its outcome; queries and transactions are the service's.
        var result = Types.InAssembly(Web)
            .That().Inherit(typeof(PageModel))
            .ShouldNot().HaveDependencyOn(typeof(InvestPortal.Data.PortalDbContext).FullName)
            .GetResult();
        Assert.True(result.IsSuccessful, "Page models using PortalDbContext: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
