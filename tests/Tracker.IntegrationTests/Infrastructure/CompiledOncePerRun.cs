using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using JasperFx.RuntimeCompiler;

namespace Tracker.IntegrationTests.Infrastructure;

/// <summary>
/// Wolverine's runtime compiler for test hosts, compiling each distinct generated source once per test run. Every class
/// starts a host of its own, and each host generates the same handler code; Roslyn compiling it again for each one
/// was about 40 core-seconds of the integration suite. The cache key is the whole source, so a host whose services
/// differ (and so generates different code) gets its own compilation.
/// </summary>
public sealed class CompiledOncePerRun : IAssemblyGenerator
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Compiled = new(StringComparer.Ordinal);
    private readonly List<Assembly> _references = [];

    /// <summary>How many sources were compiled, and how many were found already compiled.</summary>
    public static (int Compiled, int Reused) Counts => (_compiled, _reused);
    private static int _compiled, _reused;

    public string? AssemblyName { get; set; }

    public void ReferenceAssembly(Assembly assembly)
    {
        lock (_references) _references.Add(assembly);
    }

    public void ReferenceAssemblyContainingType<T>() => ReferenceAssembly(typeof(T).Assembly);

    public Assembly Generate(string code) => Roslyn(code, []);

    public Assembly Generate(Action<ISourceWriter> source)
    {
        var writer = new SourceWriter();
        source(writer);
        return Generate(writer.Code());
    }

    public void Compile(GeneratedAssembly assembly, IServiceVariableSource? services) => Compile(assembly, services, out _);

    public void Compile(GeneratedAssembly assembly, IServiceVariableSource? services, out string code)
    {
        code = assembly.GenerateCode(services);
        var source = code;
        var reused = true;
        var once = Compiled.GetOrAdd(code, _ => new Lazy<Assembly>(() =>
        {
            reused = false;
            Interlocked.Increment(ref _compiled);
            return Roslyn(source, assembly.Rules.Assemblies.Concat(assembly.AllReferencedAssemblies())
                .Concat(assembly.GeneratedTypes.SelectMany(type => type.AssemblyReferences())));
        }));
        Assembly compiled;
        try
        {
            compiled = once.Value;
        }
        catch
        {
            // A failed compilation is not kept: the next host with this source tries again rather than inheriting it.
            Compiled.TryRemove(new KeyValuePair<string, Lazy<Assembly>>(code, once));
            throw;
        }
        if (reused) Interlocked.Increment(ref _reused);
        assembly.AttachAssembly(compiled);
    }

    // The references JasperFx's own generator gives a compilation: the runtime, the generator's, the rules' and the types'.
    private Assembly Roslyn(string code, IEnumerable<Assembly> more)
    {
        var generator = new AssemblyGenerator();
        generator.ReferenceAssembly(typeof(AssemblyGenerator).Assembly);
        generator.ReferenceAssembly(typeof(Task).Assembly);
        List<Assembly> references;
        lock (_references) references = [.. _references];
        foreach (var reference in references.Concat(more).Distinct()) generator.ReferenceAssembly(reference);
        return generator.Generate(code);
    }
}
