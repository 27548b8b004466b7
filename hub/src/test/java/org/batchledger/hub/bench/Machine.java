package org.batchledger.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run measured on, as RESULTS.md states it: CPU, cores, memory, OS, JDK and heap. */
record Machine(int cores, String cpu, long memoryMb, String os, String jdk, long maxHeapMb) {
    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    }

    String describe(String neo4j, String postgres) {
        return "%d cores (`nproc`), %s; %,d MB memory; %s; JDK %s, max heap %,d MB; %s embedded in the benchmark's "
                .formatted(cores, cpu, memoryMb, os, jdk, maxHeapMb, neo4j)
                + "JVM (driver over Bolt on loopback; the hub in the same JVM on a loopback port, test tokens, trace "
                + "cache off); %s on loopback, started by the run in a temporary data directory.".formatted(postgres);
    }

    String brief() {
        return "%d cores, %,d MB, JDK %s".formatted(cores, memoryMb, Runtime.version().feature());
    }

    private static String readCpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }

    private static long readMemoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
