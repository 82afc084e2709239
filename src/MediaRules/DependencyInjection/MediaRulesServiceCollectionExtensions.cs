using System;
using MediaRules.Analysis;
using MediaRules.Rules;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MediaRules in a host's service collection.</summary>
public static class MediaRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="Linter"/> (thread-safe, compiled once on first use). Every
    /// <see cref="IRuleKind"/> registered in the container (<c>services.AddSingleton&lt;IRuleKind, MyKind&gt;()</c>)
    /// is added to the built-in kinds, so packs can name it in <c>kind:</c>. With no <paramref name="configure"/>,
    /// the default packs are loaded; with one, it decides which packs load
    /// (<c>b =&gt; b.AddDefaultRules().AddRulesFile("house-style.yaml")</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Chooses the packs (and may add kinds); <see langword="null"/> loads the default packs.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddMediaRules(this IServiceCollection services, Action<LinterBuilder>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddSingleton(provider =>
        {
            var builder = new LinterBuilder();
            foreach (var kind in provider.GetServices<IRuleKind>())
            {
                builder.AddRuleKind(kind);
            }

            if (configure is null)
            {
                builder.AddDefaultRules();
            }
            else
            {
                configure(builder);
            }

            return builder.Build();
        });
        return services;
    }
}
