/** Test results as JUnit's Open Test Reporting XML events of every module's Surefire and Failsafe runs (StAX). */
package org.batchledger.validation.results;
