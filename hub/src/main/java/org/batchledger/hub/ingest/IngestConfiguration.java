package org.batchledger.hub.ingest;

import org.batchledger.ingest.Adapters;
import org.batchledger.lineage.write.FileIngests;
import org.batchledger.lineage.write.LedgeredWrite;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapters on the class path (found once) and the ledgered write of a file. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Adapters ingestAdapters() {
        return Adapters.installed();
    }

    @Bean
    FileIngests fileIngests(LedgeredWrite unitOfWork) {
        return new FileIngests(unitOfWork);
    }
}
