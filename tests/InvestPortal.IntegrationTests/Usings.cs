global using Xunit;
global using InvestPortal.IntegrationTests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
