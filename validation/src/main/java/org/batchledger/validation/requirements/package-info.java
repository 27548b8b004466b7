/** The requirements kept in {@code requirements/*.yaml} and the clause matrix, read with SnakeYAML's node API. */
package org.batchledger.validation.requirements;
