package com.creditdesk.store;
